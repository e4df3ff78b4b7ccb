#if Vapor
import Foundation
import MetricsTestKit
import SealedCookie
import SealedCookieTestSupport
import SealedCookieVapor
import Testing
import Vapor
import VaporTesting

/// The Vapor driver records the metrics the middlewares do, for each cause, although Vapor
/// decides when to seal.
@Suite struct DriverMetricsTests {
    static func reseals(_ metrics: TestMetrics, _ cause: String) -> Int64 {
        metrics.counterTotal(label: "sealed_cookie_reseals_total", dimensions: [("cause", cause)])
    }

    /// Hex digits that make `codec`'s sealed session fill a share within `range` of one cookie.
    static func filler(filling range: ClosedRange<Double>, of codec: SessionCodec<SessionData>) throws -> String? {
        var generator = SeededGenerator.forTest()
        let capacity = CookieBudget().maxNameValueByteCount - "vapor-session".utf8.count
        var filler = ""
        while filler.count < 8192 {
            filler += String(UInt8.random(in: 0...15, using: &generator), radix: 16)
            let share = Double(try codec.seal(["user": "gina", "filler": filler]).utf8.count) / Double(capacity)
            if range.contains(share) { return filler }
        }
        return nil
    }

    @Test("opens, re-seals by cause (change, renewal, rotation), cookie sizes and the near-budget count")
    func eachCause() async throws {
        let clock = TestClock()
        let old = try SessionKey.generate(id: 1)
        let metrics = TestMetrics()
        var fromOldKey = ""
        try await DriverTestApp.run(
            try DriverTestApp.codec(try KeyRing(primary: old), clock: clock), logs: LogRecorder()
        ) { app in
            fromOldKey = DriverTestApp.cookie(try await app.sendRequest(.POST, "/login?user=old"))
        }
        let codec = try DriverTestApp.codec(
            try KeyRing(primary: SessionKey.generate(id: 2), older: [old]), clock: clock)
        try await DriverTestApp.run(codec, logs: LogRecorder(), metrics: SessionMetrics(factory: metrics)) { app in
            // A new session is no re-seal, but its cookie is measured.
            let login = DriverTestApp.cookie(try await app.sendRequest(.POST, "/login?user=erin"))
            #expect(metrics.counterTotal(label: "sealed_cookie_reseals_total") == 0)
            #expect(try metrics.expectRecorder("sealed_cookie_set_cookie_bytes").lastValue == Double(login.utf8.count))
            // Vapor seals an unchanged session on every response: a renewal.
            _ = try await app.sendRequest(.GET, "/me", headers: ["Cookie": login])
            #expect(metrics.counterTotal(label: "sealed_cookie_sessions_opened_total") == 1)
            #expect(Self.reseals(metrics, "renewal") == 1)
            _ = try await app.sendRequest(.POST, "/login?user=frank", headers: ["Cookie": login])
            #expect(Self.reseals(metrics, "change") == 1)
            _ = try await app.sendRequest(.GET, "/me", headers: ["Cookie": fromOldKey])
            #expect(Self.reseals(metrics, "rotation") == 1)
            #expect(Self.reseals(metrics, "renewal") == 1)
            #expect(metrics.counterTotal(label: "sealed_cookie_sessions_near_budget_total") == 0)
            // A session over 90% of the one cookie the driver can write is near the budget.
            let filler = try #require(try Self.filler(filling: 0.9...0.99, of: codec))
            let large = try await app.sendRequest(.POST, "/login?user=gina&filler=\(filler)")
            #expect(large.status == .ok)
            #expect(metrics.counterTotal(label: "sealed_cookie_sessions_near_budget_total") == 1)
            _ = try await app.sendRequest(.GET, "/me", headers: ["Cookie": "vapor-session=junk"])
            #expect(
                metrics.counterTotal(
                    label: "sealed_cookie_sessions_refused_total", dimensions: [("reason", "malformed")]) == 1)
        }
    }
}
#endif
