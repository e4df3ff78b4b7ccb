#if Vapor
import Foundation
import SealedCookie
import SealedCookieExampleModel
import SealedCookieTestSupport
import SealedCookieVapor
import SealedCookieVaporExample
import Testing
import Vapor
import VaporTesting

/// `app.sessions.use(try .sealed(codec))`: Vapor's `req.session.data` kept in the sealed cookie.
@Suite struct SessionDriverTests {
    private func codec(_ keyRing: KeyRing, clock: TestClock) throws -> SessionCodec<SessionData> {
        try DriverTestApp.codec(keyRing, clock: clock)
    }

    private func withDriverApp(
        _ codec: SessionCodec<SessionData>, logs: LogRecorder,
        _ test: (any TestingApplicationTester) async throws -> Void
    ) async throws {
        try await DriverTestApp.run(codec, logs: logs, test)
    }

    private func cookie(_ response: TestingHTTPResponse) -> String {
        DriverTestApp.cookie(response)
    }

    @Test func theSessionLivesInTheSealedCookie() async throws {
        let clock = TestClock()
        let codec = try codec(VaporTestNode.ring(1), clock: clock)
        let logs = LogRecorder()
        try await withDriverApp(codec, logs: logs) { app in
            let login = try await app.sendRequest(.POST, "/login?user=erin")
            let value = String(cookie(login).dropFirst("vapor-session=".count))
            #expect(try codec.open(value).session["user"] == "erin", "the cookie value is the sealed session")
            clock.advance(by: 60)
            let me = try await app.sendRequest(.GET, "/me", headers: ["Cookie": cookie(login)])
            #expect(String(buffer: me.body) == "erin")
            // Vapor's middleware writes the session on every response; the start is kept.
            let header = try EnvelopeHeader(sealedValue: String(cookie(me).dropFirst("vapor-session=".count)))
            #expect(header.issuedAt == clock.now)
            #expect(header.sessionStartedAt == TestClock.start)
        }
    }

    @Test func aCookieFromAnotherRingIsNoSession() async throws {
        let clock = TestClock()
        let logs = LogRecorder()
        var stolen = ""
        try await withDriverApp(try codec(VaporTestNode.ring(1), clock: clock), logs: logs) { app in
            stolen = cookie(try await app.sendRequest(.POST, "/login?user=erin"))
        }
        try await withDriverApp(try codec(VaporTestNode.ring(1), clock: clock), logs: logs) { app in
            let me = try await app.sendRequest(.GET, "/me", headers: ["Cookie": stolen])
            #expect(String(buffer: me.body) == "nobody")
        }
        #expect(logs.entries(at: .debug, containing: "Sealed session rejected").count == 1)
    }

    /// The driver reads the cookies named like the codec (Vapor hands it only one value, see
    /// `SessionDriverCookieTossingTests`): a Vapor cookie of another name is never read, and
    /// the setup error is logged at warning level, once a minute.
    @Test func aVaporCookieNameOtherThanTheCodecsIsNoSessionAndAWarning() async throws {
        let logs = LogRecorder()
        try await DriverTestApp.run(
            try codec(VaporTestNode.ring(1), clock: TestClock()), logs: logs, vaporCookieName: "other-session"
        ) { app in
            let login = try await app.sendRequest(.POST, "/login?user=erin")
            #expect(cookie(login).hasPrefix("other-session="))
            for _ in 0..<2 {
                let me = try await app.sendRequest(.GET, "/me", headers: ["Cookie": cookie(login)])
                #expect(String(buffer: me.body) == "nobody")
            }
        }
        let warnings = logs.all.filter { $0.level == .warning && $0.metadata.contains("name them alike") }
        #expect(warnings.count == 1)
    }

    @Test func aSessionPastOneCookieIsAServerErrorNotADroppedCookie() async throws {
        let logs = LogRecorder()
        try await withDriverApp(try codec(VaporTestNode.ring(1), clock: TestClock()), logs: logs) { app in
            // Random letters: incompressible, so the session cannot fit one cookie.
            var generator = SeededGenerator.forTest()
            let filler = String(
                (0..<5000).map { _ in Character(UnicodeScalar(UInt8.random(in: 97...122, using: &generator))) })
            let login = try await app.sendRequest(.POST, "/login?user=erin&filler=\(filler)")
            #expect(login.status == .internalServerError)
            #expect(login.headers[.setCookie].isEmpty)
        }
        #expect(logs.entries(at: .error, containing: "Session not stored").count == 1)
    }
}
#endif
