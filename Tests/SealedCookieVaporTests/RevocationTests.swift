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

    /// The cluster's store as one node reaches it: lookups fail while it is down.
    final class FlakyStore: SessionRevocationStore {
        struct Down: Error {}

        let shared = InMemorySessionRevocationStore()
        let isDown = Locked(false)

        func revocationCutoff(for subject: String) async throws -> Date? {
            if isDown.withLock({ $0 }) { throw Down() }
            return await shared.revocationCutoff(for: subject)
        }

        func revokeSessions(of subject: String, startedUpTo date: Date) async throws {
            if isDown.withLock({ $0 }) { throw Down() }
            await shared.revokeSessions(of: subject, startedUpTo: date)
        }
    }

    /// Renewal keeps the session's start, which revocation compares: a node that renews a revoked
    /// session while its lookups fail under `.accept` does not launder it.
    @Test func aSessionRenewedWhileTheStoreWasDownUnderAcceptIsStillRevoked() async throws {
        let clock = TestClock()
        let store = FlakyStore()
        let revoking = try SessionRevocationList<ExampleSession>(store: store.shared, clock: clock.source) { $0.user }
        let accepting = try SessionRevocationList<ExampleSession>(
            store: store, whenStoreFails: .accept, clock: clock.source, logger: LogRecorder.discarding
        ) { $0.user }
        let ring = try VaporTestNode.ring(1)
        let here = try VaporTestNode(keyRing: ring, clock: clock, revocation: revoking)
        let there = try VaporTestNode(keyRing: ring, clock: clock, revocation: accepting)

        let stolen = try await here.test { try await $0.send(.POST, "/login?user=alice").cookieField }
        clock.advance(by: 30)
        try await revoking.revokeSessions(of: "alice")
        store.isDown.withLock { $0 = true }
        clock.advance(by: 12 * 3600 + 1)  // Past half the one-day lifetime: renewed when accepted.
        let renewed = try await there.test { client in
            let response = try await client.send(.GET, "/me", cookie: stolen)
            #expect(response.reply?.user == "alice")
            #expect(response.setCookies.count == 1)
            return response.cookieField
        }
        #expect(renewed != stolen)

        store.isDown.withLock { $0 = false }
        clock.advance(by: 5)  // The failed lookup's answer is stale: the node asks again.
        for node in [here, there] {
            try await node.test { client in
                for cookie in [renewed, stolen] {
                    let response = try await client.send(.GET, "/me", cookie: cookie)
                    #expect(response.status == .seeOther)
                }
            }
        }
    }

    @Test func aFailingCheckLeavesTheRequestWithoutASessionAndTheCookieAsSent() async throws {
        struct StoreDown: Error {}
        struct FailingCheck: SessionRevocationCheck {
            func isRevoked(_ session: ExampleSession, startedAt: Date) async throws -> Bool { throw StoreDown() }
        }
        let node = try VaporTestNode()
        let login = try await node.test { try await $0.send(.POST, "/login?user=alice").cookieField }
        var failing = node
        let sessions = node.node.sessions
        failing.node.sessions = try SealedSessionConfiguration(
            cookies: sessions.cookies, renewalFraction: sessions.renewalFraction, tokenMode: sessions.tokenMode,
            revocation: FailingCheck())
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
#endif
