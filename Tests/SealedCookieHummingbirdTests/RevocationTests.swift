#if Hummingbird
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import SealedCookie
import SealedCookieExampleApp
import SealedCookieHummingbird
import Testing

/// The revocation check: a revoked session is no session; a failing check leaves the cookie alone.
@Suite struct RevocationTests {
    @Test func aCopyOfTheCookieTakenBeforeLogoutIsRefused() async throws {
        let clock = TestClock()
        let revocation = try SessionRevocationList<ExampleSession>(
            store: InMemorySessionRevocationStore(), clock: clock.source
        ) { $0.user }
        let node = try TestNode(clock: clock, revocation: revocation)
        try await node.test { client in
            let login = try await client.execute(uri: "/login?user=alice", method: .post)
            clock.advance(by: 30)
            try await client.execute(uri: "/logout", method: .post, headers: .cookie(login.cookieField))
            try await client.execute(uri: "/me", method: .get, headers: .cookie(login.cookieField)) { response in
                #expect(response.status == .seeOther)
                #expect(response.setCookies.isEmpty)
            }
            // Logging in again once the clock skew (60 s) has passed works; other users were never
            // affected. (Within the skew it is refused: see RevocationClockSkewTests.)
            clock.advance(by: 61)
            let again = try await client.execute(uri: "/login?user=alice", method: .post)
            let bob = try await client.execute(uri: "/login?user=bob", method: .post)
            for (cookie, user) in [(again.cookieField, "alice"), (bob.cookieField, "bob")] {
                try await client.execute(uri: "/me", method: .get, headers: .cookie(cookie)) { response in
                    #expect(response.reply?.user == user)
                }
            }
        }
        #expect(node.logs.entries(at: .debug, containing: "revoked").count == 1)
    }

    @Test func revocationCoversSessionsStartedWithinTheSameSecond() async throws {
        let clock = TestClock()
        let revocation = try SessionRevocationList<ExampleSession>(
            store: InMemorySessionRevocationStore(), clock: clock.source
        ) { $0.user }
        let alice = ExampleSession(user: "alice")
        clock.advance(by: 0.5)
        try await revocation.revokeSessions(of: "alice")
        #expect(try await revocation.isRevoked(alice, startedAt: TestClock.start))
        #expect(try await !revocation.isRevoked(alice, startedAt: TestClock.start.addingTimeInterval(1)))
        #expect(try await !revocation.isRevoked(ExampleSession(user: "bob"), startedAt: TestClock.start))
    }

    @Test func aFailingCheckLeavesTheRequestWithoutASessionAndTheCookieAsSent() async throws {
        struct StoreDown: Error {}
        struct FailingCheck: SessionRevocationCheck {
            func isRevoked(_ session: ExampleSession, startedAt: Date) async throws -> Bool { throw StoreDown() }
        }
        let node = try TestNode()
        var failing = node.node
        failing.sessions = try SealedSessionConfiguration(
            cookies: failing.sessions.cookies, renewalFraction: failing.sessions.renewalFraction,
            tokenMode: failing.sessions.tokenMode, revocation: FailingCheck())
        let login = try await node.test { client in
            try await client.execute(uri: "/login?user=alice", method: .post).cookieField
        }
        try await TestNode.test(node: failing, logs: node.logs) { client in
            try await client.execute(uri: "/me", method: .get, headers: .cookie(login)) { response in
                #expect(response.status == .seeOther)
                #expect(response.setCookies.isEmpty)
            }
            // Not even a handler that writes a session replaces the cookie the check could not vouch for.
            try await client.execute(uri: "/logout", method: .post, headers: .cookie(login)) { response in
                #expect(response.status == .ok)
                #expect(response.setCookies.isEmpty)
            }
            try await client.execute(uri: "/login?user=bob", method: .post, headers: .cookie(login)) { response in
                #expect(response.status == .ok)
                #expect(response.setCookies.isEmpty)
            }
        }
        // A custom check's error is the operator's to see, rate-limited: one warning for three requests.
        #expect(node.logs.entries(at: .warning, containing: "Revocation check failed").count == 1)
    }

    @Test func aStoreOutageIsReportedOnceByTheListNotPerRequestByTheMiddleware() async throws {
        struct DownStore: SessionRevocationStore {
            struct Down: Error {}
            func revocationCutoff(for subject: String) async throws -> Date? { throw Down() }
            func revokeSessions(of subject: String, startedUpTo date: Date) async throws { throw Down() }
        }
        let events = Locked(0)
        let node = try TestNode()
        var failing = node.node
        let list = try SessionRevocationList<ExampleSession>(
            store: DownStore(), onStoreEvent: { _ in events.withLock { $0 += 1 } }
        ) { $0.user }
        failing.sessions = try SealedSessionConfiguration(
            cookies: failing.sessions.cookies, renewalFraction: failing.sessions.renewalFraction,
            tokenMode: failing.sessions.tokenMode, revocation: list)
        let login = try await node.test { client in
            try await client.execute(uri: "/login?user=alice", method: .post).cookieField
        }
        try await TestNode.test(node: failing, logs: node.logs) { client in
            for _ in 0..<3 {
                try await client.execute(uri: "/me", method: .get, headers: .cookie(login)) { response in
                    #expect(response.status == .seeOther)
                    #expect(response.setCookies.isEmpty)
                }
            }
        }
        #expect(events.withLock { $0 } == 1)
        #expect(node.logs.entries(at: .warning, containing: "Revocation check failed").isEmpty)
        #expect(node.logs.entries(at: .debug, containing: "Revocation check failed").count == 3)
    }
}
#endif
