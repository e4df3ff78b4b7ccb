import Foundation
import SealedCookie
import SealedCookieExampleModel
import SealedCookieTestSupport
import SealedCookieVapor
import SealedCookieVaporExample
import Testing
import Vapor
import VaporTesting

/// The revocation check: a revoked session is no session; a failing check leaves the cookie alone.
@Suite struct RevocationTests {
    @Test func aCopyOfTheCookieTakenBeforeLogoutIsRefused() async throws {
        let clock = TestClock()
        let revocation = try SessionRevocationList<ExampleSession>(
            store: InMemorySessionRevocationStore(), clock: clock.source
        ) { $0.user }
        let node = try VaporTestNode(clock: clock, revocation: revocation)
        try await node.test { client in
            let login = try await client.send(.POST, "/login?user=alice")
            clock.advance(by: 30)
            try await client.send(.POST, "/logout", cookie: login.cookieField)
            let copy = try await client.send(.GET, "/me", cookie: login.cookieField)
            #expect(copy.status == .seeOther)
            #expect(copy.setCookies.isEmpty)
            // Past the 60-second clock skew the check allows for (a node whose clock runs ahead
            // must not seal sessions that survive the revocation).
            clock.advance(by: 61)
            let again = try await client.send(.POST, "/login?user=alice")
            #expect(try await client.send(.GET, "/me", cookie: again.cookieField).reply?.user == "alice")
        }
        #expect(node.logs.entries(at: .debug, containing: "revoked").count == 1)
    }

    @Test func aFailingCheckLeavesTheRequestWithoutASessionAndTheCookieAsSent() async throws {
        struct StoreDown: Error {}
        struct FailingCheck: SessionRevocationCheck {
            func isRevoked(_ session: ExampleSession, startedAt: Date) async throws -> Bool { throw StoreDown() }
        }
        let node = try VaporTestNode()
        let login = try await node.test { try await $0.send(.POST, "/login?user=alice").cookieField }
        var failing = node
        failing.node.sessions.revocation = FailingCheck()
        try await failing.test { client in
            let me = try await client.send(.GET, "/me", cookie: login)
            #expect(me.status == .seeOther)
            #expect(me.setCookies.isEmpty)
            // Not even a handler that writes a session replaces the cookie the check could not vouch for.
            let logout = try await client.send(.POST, "/logout", cookie: login)
            #expect(logout.status == .ok)
            #expect(logout.setCookies.isEmpty)
            let bob = try await client.send(.POST, "/login?user=bob", cookie: login)
            #expect(bob.status == .ok)
            #expect(bob.setCookies.isEmpty)
        }
        // A custom check's error is the operator's to see, rate-limited: one warning for three requests.
        #expect(node.logs.entries(at: .warning, containing: "Revocation check failed").count == 1)
    }
}
