#if Vapor
import Foundation
import SealedCookie
import SealedCookieExampleModel
import SealedCookieTestSupport
import SealedCookieVapor
import Testing
import Vapor
import VaporTesting

/// The absolute timeout through Vapor's middleware and through the session driver (which
/// re-seals on every response), as a property over generated request schedules: the session
/// opens until exactly `maxSessionAge + clockSkew` after the login and is refused from that
/// second on.
@Suite struct VaporAbsoluteAgeScheduleTests {
    static let skew: TimeInterval = 60

    /// A schedule: the maximum age, and steps of 1 second up to a gap that keeps a few dozen
    /// requests per schedule and never lets the one-day cookie expire between two of them.
    struct Schedule {
        let maxAge: Int64
        let steps: [(seconds: TimeInterval, changes: Bool)]

        init(using generator: inout SeededGenerator) {
            maxAge = Int64.random(in: 120...(3 * 86_400), using: &generator)
            let gap = max(1, min(6 * 3600, maxAge / Int64.random(in: 3...30, using: &generator)))
            steps = (0..<400).map { _ in
                (TimeInterval(Int64.random(in: 1...gap, using: &generator)), Bool.random(using: &generator))
            }
        }

        /// Walks the steps that fit before `limit` on `clock`, calling `request` for each.
        func walk(clock: TestClock, limit: Date, _ request: (_ changes: Bool) async throws -> Void) async throws {
            for step in steps where clock.now.addingTimeInterval(step.seconds) < limit {
                clock.advance(by: step.seconds)
                try await request(step.changes)
            }
        }
    }

    @Test func theMiddlewareEndsTheSessionExactlyAtItsMaximumAge() async throws {
        var generator = SeededGenerator.forTest()
        for index in 0..<20 {
            let schedule = Schedule(using: &generator)
            let clock = TestClock()
            let node = try VaporTestNode(clock: clock, maxSessionAge: .seconds(schedule.maxAge))
            let context = Comment(rawValue: "case \(index): maxSessionAge \(schedule.maxAge) s")
            try await node.test { client in
                var cookie = try await client.send(.POST, "/login?user=alice").cookieField
                let started = clock.now
                let limit = started.addingTimeInterval(TimeInterval(schedule.maxAge) + Self.skew)
                try await schedule.walk(clock: clock, limit: limit) { changes in
                    let response = try await client.send(.GET, changes ? "/bench/session" : "/me", cookie: cookie)
                    #expect(response.reply?.user == "alice", context)
                    guard !response.cookieField.isEmpty else { return }
                    cookie = response.cookieField
                    let value = String(cookie.drop { $0 != "=" }.dropFirst())
                    #expect(try EnvelopeHeader(sealedValue: value).sessionStartedAt == started, context)
                }
                clock.advance(by: limit.timeIntervalSince(clock.now) - 1)
                let last = try await client.send(.GET, "/me", cookie: cookie)
                #expect(last.reply?.user == "alice", context)
                cookie = last.cookieField.isEmpty ? cookie : last.cookieField
                clock.advance(by: 1)
                #expect(try await client.send(.GET, "/me", cookie: cookie).reply?.user == nil, context)
            }
        }
    }

    @Test func theDriverEndsTheSessionExactlyAtItsMaximumAge() async throws {
        var generator = SeededGenerator.forTest()
        for index in 0..<20 {
            let schedule = Schedule(using: &generator)
            let clock = TestClock()
            let codec = try SessionCodec<SessionData>(
                configuration: .init(
                    cookieName: "vapor-session", keyRing: VaporTestNode.ring(1),
                    maxSessionAge: .seconds(schedule.maxAge), clock: clock.source))
            let context = Comment(rawValue: "case \(index): maxSessionAge \(schedule.maxAge) s")
            try await DriverTestApp.run(codec, logs: LogRecorder()) { app in
                var cookie = DriverTestApp.cookie(try await app.sendRequest(.POST, "/login?user=alice"))
                let started = clock.now
                let limit = started.addingTimeInterval(TimeInterval(schedule.maxAge) + Self.skew)
                // Vapor's middleware re-seals on every response, a read or not.
                try await schedule.walk(clock: clock, limit: limit) { _ in
                    let response = try await app.sendRequest(.GET, "/me", headers: ["Cookie": cookie])
                    #expect(String(buffer: response.body) == "alice", context)
                    cookie = DriverTestApp.cookie(response)
                    #expect(
                        try EnvelopeHeader(sealedValue: DriverTestApp.value(response)).sessionStartedAt == started,
                        context)
                }
                clock.advance(by: limit.timeIntervalSince(clock.now) - 1)
                let last = try await app.sendRequest(.GET, "/me", headers: ["Cookie": cookie])
                #expect(String(buffer: last.body) == "alice", context)
                cookie = DriverTestApp.cookie(last)
                clock.advance(by: 1)
                #expect(try await DriverTestApp.user(app, cookieFields: [cookie]) == "nobody", context)
            }
        }
    }
}
#endif
