#if Hummingbird
import Foundation
import HTTPTypes
import HummingbirdTesting
import SealedCookie
import SealedCookieExampleApp
import SealedCookieHummingbird
import SealedCookieTestSupport
import Testing

/// A revoked session cannot be laundered by renewal: a node that accepts it because it cannot
/// tell (a failed lookup under `.accept`, or a stale answer) and renews or changes it hands out
/// a value that is refused everywhere once the revocation is known, because revocation compares
/// the session's start, which every re-seal keeps, not the time of the last seal.
@Suite struct RevocationRenewalTests {
    /// The cluster's store as one node reaches it: lookups and revocations fail while it is down.
    final class FlakyStore: SessionRevocationStore {
        struct Down: Error {}

        let shared: InMemorySessionRevocationStore
        let isDown = Locked(false)

        init(_ shared: InMemorySessionRevocationStore) { self.shared = shared }

        func revocationCutoff(for subject: String) async throws -> Date? {
            if isDown.withLock({ $0 }) { throw Down() }
            return await shared.revocationCutoff(for: subject)
        }

        func revokeSessions(of subject: String, startedUpTo date: Date) async throws {
            if isDown.withLock({ $0 }) { throw Down() }
            await shared.revokeSessions(of: subject, startedUpTo: date)
        }
    }

    @Test func aSessionRenewedWhileTheStoreWasDownUnderAcceptIsStillRevoked() async throws {
        let clock = TestClock()
        let shared = InMemorySessionRevocationStore()
        let flaky = FlakyStore(shared)
        let revoking = try SessionRevocationList<ExampleSession>(store: shared, clock: clock.source) { $0.user }
        let accepting = try SessionRevocationList<ExampleSession>(
            store: flaky, whenStoreFails: .accept, clock: clock.source, logger: LogRecorder.discarding
        ) { $0.user }
        let ring = try TestNode.ring(1)
        let here = try TestNode(keyRing: ring, clock: clock, revocation: revoking)
        let there = try TestNode(keyRing: ring, clock: clock, revocation: accepting)

        let stolen = try await here.test { client in
            try await client.execute(uri: "/login?user=alice", method: .post).cookieField
        }
        clock.advance(by: 30)
        try await revoking.revokeSessions(of: "alice")
        let cutoff = clock.now
        flaky.isDown.withLock { $0 = true }
        // Past half the one-day lifetime: the node renews the session it accepted.
        clock.advance(by: 12 * 3600 + 1)
        let renewed = try await there.test { client in
            let response = try await client.execute(uri: "/me", method: .get, headers: .cookie(stolen))
            #expect(response.reply?.user == "alice")
            #expect(response.setCookies.count == 1)
            return response.cookieField
        }
        // The renewed value was sealed long after the cutoff (and the clock skew): only its start
        // ties it to the revocation.
        let header = try EnvelopeHeader(sealedValue: renewed.cookieValue)
        #expect(header.issuedAt > cutoff.addingTimeInterval(3600))
        #expect(header.sessionStartedAt == TestClock.start)

        flaky.isDown.withLock { $0 = false }
        clock.advance(by: 5)  // The failed lookup's answer is stale: the node asks again.
        for node in [here, there] {
            try await node.test { client in
                for cookie in [renewed, stolen] {
                    try await client.execute(uri: "/me", method: .get, headers: .cookie(cookie)) { response in
                        #expect(response.status == .seeOther)
                    }
                }
            }
        }
    }

    @Test func aSessionChangedOnANodeWithAStaleAnswerIsStillRevoked() async throws {
        let clock = TestClock()
        let store = InMemorySessionRevocationStore()
        let revoking = try SessionRevocationList<ExampleSession>(store: store, clock: clock.source) { $0.user }
        // Stale for longer than the 60-second clock skew the check allows for: the issue time of
        // a value it re-seals is then past the skew after the cutoff.
        let stale = try SessionRevocationList<ExampleSession>(
            store: store, staleness: .seconds(120), clock: clock.source
        ) { $0.user }
        let ring = try TestNode.ring(1)
        let here = try TestNode(keyRing: ring, clock: clock, revocation: revoking)
        let there = try TestNode(keyRing: ring, clock: clock, revocation: stale)

        let stolen = try await here.test { client in
            try await client.execute(uri: "/login?user=alice", method: .post).cookieField
        }
        clock.advance(by: 1)
        try await there.test { client in
            try await client.execute(uri: "/me", method: .get, headers: .cookie(stolen)) { response in
                #expect(response.reply?.user == "alice")
            }
        }
        clock.advance(by: 1)
        try await revoking.revokeSessions(of: "alice")
        clock.advance(by: 90)
        // Within its staleness the node still accepts the session (as documented), and a change
        // seals it again.
        let changed = try await there.test { client in
            let response = try await client.execute(uri: "/cart?item=book", method: .post, headers: .cookie(stolen))
            #expect(response.reply?.cart == ["book"])
            #expect(response.setCookies.count == 1)
            return response.cookieField
        }
        try await here.test { client in
            try await client.execute(uri: "/me", method: .get, headers: .cookie(changed)) { response in
                #expect(response.status == .seeOther)
            }
        }
        clock.advance(by: 30)  // The node's answer is stale now: it asks the store again.
        try await there.test { client in
            try await client.execute(uri: "/me", method: .get, headers: .cookie(changed)) { response in
                #expect(response.status == .seeOther)
            }
        }
    }
}
#endif
