#if Hummingbird
import Foundation
import HTTPTypes
import HummingbirdTesting
import SealedCookie
import SealedCookieExampleApp
import SealedCookieHummingbird
import Testing

/// Revocation compares the sealing node's clock with the revoking one's: a node whose clock is
/// fast, within the skew the codec accepts, must not issue sessions that survive a revocation.
@Suite struct RevocationClockSkewTests {
    @Test func aSessionSealedByAFastNodeBeforeTheRevocationIsRefused() async throws {
        let (fastClock, clock) = (TestClock(), TestClock())
        fastClock.advance(by: 30)  // Within the default 60-second skew: other nodes accept its cookies.
        let revocation = try SessionRevocationList<ExampleSession>(
            store: InMemorySessionRevocationStore(), clock: clock.source
        ) { $0.user }
        let ring = try TestNode.ring(1)
        let fast = try TestNode(keyRing: ring, clock: fastClock, revocation: revocation)
        let node = try TestNode(keyRing: ring, clock: clock, revocation: revocation)
        let cookie = try await fast.test { client in
            try await client.execute(uri: "/login?user=alice", method: .post).cookieField
        }
        clock.advance(by: 5)
        try await revocation.revokeSessions(of: "alice")
        try await node.test { client in
            try await client.execute(uri: "/me", method: .get, headers: .cookie(cookie)) { response in
                #expect(response.status == .seeOther)
            }
        }
    }

    @Test func aSessionSealedOnceTheSkewHasPassedAfterTheRevocationIsAccepted() async throws {
        let clock = TestClock()
        let revocation = try SessionRevocationList<ExampleSession>(
            store: InMemorySessionRevocationStore(), clock: clock.source
        ) { $0.user }
        let node = try TestNode(clock: clock, revocation: revocation)
        try await revocation.revokeSessions(of: "alice")
        clock.advance(by: 61)
        try await node.test { client in
            let login = try await client.execute(uri: "/login?user=alice", method: .post)
            try await client.execute(uri: "/me", method: .get, headers: .cookie(login.cookieField)) { response in
                #expect(response.reply?.user == "alice")
            }
        }
    }
}
#endif
