#if Hummingbird
import Foundation
import HTTPTypes
import HummingbirdTesting
import SealedCookie
import SealedCookieExampleApp
import Testing

/// The absolute timeout through the middleware, as a property over generated request
/// schedules: reads that renew when due, changes on every request, quiet gaps from a second to
/// hours, and a key rotation somewhere in between. The session opens until exactly
/// `maxSessionAge + clockSkew` after the login and is refused from that second on.
@Suite struct MiddlewareAbsoluteAgeScheduleTests {
    static let skew: TimeInterval = 60

    @Test func theSessionEndsExactlyAtItsMaximumAgeWhateverTheRequests() async throws {
        var generator = SeededGenerator.forTest()
        for index in 0..<40 {
            try await check(case: index, using: &generator)
        }
    }

    func check(case index: Int, using generator: inout SeededGenerator) async throws {
        let clock = TestClock()
        let maxAge = Int64.random(in: 120...(3 * 86_400), using: &generator)
        // Steps small enough that a schedule has a few dozen requests, and at most 6 hours, so
        // that the one-day cookie never expires between two requests.
        let gap = max(1, min(6 * 3600, maxAge / Int64.random(in: 3...30, using: &generator)))
        let oldKey = try SessionKey.generate(id: 1)
        let old = try TestNode(keyRing: KeyRing(primary: oldKey), clock: clock, maxSessionAge: .seconds(maxAge))
        let new = try TestNode(
            keyRing: KeyRing(primary: SessionKey.generate(id: 2), older: [oldKey]), clock: clock,
            maxSessionAge: .seconds(maxAge))
        // More steps than any schedule needs (at most about 2 × 30 of mean gap / 2).
        let steps = (0..<400).map { _ in
            (
                seconds: TimeInterval(Int64.random(in: 1...gap, using: &generator)),
                rotates: Int.random(in: 0..<8, using: &generator) == 0,
                changes: Bool.random(using: &generator)
            )
        }
        let context = Comment(rawValue: "case \(index): maxSessionAge \(maxAge) s, steps up to \(gap) s")
        try await old.test { oldClient in
            try await new.test { newClient in
                let login = try await oldClient.execute(uri: "/login?user=alice", method: .post)
                let started = clock.now
                let limit = started.addingTimeInterval(TimeInterval(maxAge) + Self.skew)
                var (cookie, rotated) = (login.cookieField, false)
                for step in steps where clock.now.addingTimeInterval(step.seconds) < limit {
                    clock.advance(by: step.seconds)
                    rotated = rotated || step.rotates
                    let client = rotated ? newClient : oldClient
                    let response = try await client.execute(
                        uri: step.changes ? "/bench/session" : "/me", method: .get, headers: .cookie(cookie))
                    #expect(response.reply?.user == "alice", context)
                    guard !response.cookieField.isEmpty else { continue }
                    cookie = response.cookieField
                    #expect(try EnvelopeHeader(sealedValue: cookie.cookieValue).sessionStartedAt == started, context)
                }
                let client = rotated ? newClient : oldClient
                clock.advance(by: limit.timeIntervalSince(clock.now) - 1)
                let last = try await client.execute(uri: "/me", method: .get, headers: .cookie(cookie))
                #expect(last.reply?.user == "alice", context)
                cookie = last.cookieField.isEmpty ? cookie : last.cookieField
                clock.advance(by: 1)
                let refused = try await client.execute(uri: "/me", method: .get, headers: .cookie(cookie))
                #expect(refused.status == .seeOther, context)
            }
        }
    }
}
#endif
