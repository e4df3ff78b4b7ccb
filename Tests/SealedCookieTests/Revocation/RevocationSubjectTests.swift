import Foundation
import SealedCookie
import SealedCookieTestSupport
import Testing

/// Subjects are told apart by their bytes, as PostgreSQL and SQLite tell them apart: two
/// canonically equivalent spellings, which Swift's `String` finds equal, are two subjects for
/// the store, so they must be two for the list's cache and its shared lookups too. Otherwise a
/// request of the attacker's look-alike account caches "not revoked" for the victim.
@Suite struct RevocationSubjectTests {
    /// Each pair is equal as Swift strings and different in bytes: precomposed and decomposed.
    static let lookAlikes = [("jos\u{E9}", "jose\u{301}"), ("\u{C5}ngstr\u{F6}m", "\u{212B}ngstro\u{308}m")]

    let store = ScriptedRevocationStore()
    let clock = ManualClock()

    func list(whenStoreFails policy: SessionRevocationList<String>.StoreFailurePolicy = .refuse) throws
        -> SessionRevocationList<String>
    {
        try SessionRevocationList(
            store: store, staleness: .seconds(5), timeout: .seconds(60), whenStoreFails: policy,
            clock: clock.source, logger: LogRecorder.discarding
        ) { $0 }
    }

    @Test(arguments: lookAlikes)
    func theInMemoryStoreKeepsLookAlikesApart(victim: String, attacker: String) async {
        #expect(victim == attacker, "the premise: Swift finds them equal")
        let store = InMemorySessionRevocationStore()
        let cutoff = clock.now
        await store.revokeSessions(of: victim, startedUpTo: cutoff)
        #expect(await store.revocationCutoff(for: victim) == cutoff)
        #expect(await store.revocationCutoff(for: attacker) == nil)
        await store.revokeSessions(of: attacker, startedUpTo: cutoff.addingTimeInterval(60))
        #expect(await store.revocationCutoff(for: victim) == cutoff)
    }

    @Test(arguments: lookAlikes)
    func aLookAlikesCachedAnswerNeverServesTheVictim(victim: String, attacker: String) async throws {
        let (here, there) = (try list(), try list())
        let startedAt = clock.now
        try await there.revokeSessions(of: victim)
        // The attacker's request caches "not revoked" for its own subject only.
        #expect(try await !here.isRevoked(attacker, startedAt: startedAt))
        #expect(try await here.isRevoked(victim, startedAt: startedAt))
        // And a revocation through this node's cache revokes only the subject it names.
        let other = try list()
        #expect(try await !other.isRevoked(attacker, startedAt: startedAt))
        try await other.revokeSessions(of: victim)
        #expect(try await !other.isRevoked(attacker, startedAt: startedAt))
        #expect(try await other.isRevoked(victim, startedAt: startedAt))
        #expect(store.lookups == 3)
    }

    @Test(arguments: lookAlikes)
    func lookAlikesNeverShareALookup(victim: String, attacker: String) async throws {
        let list = try list()
        let startedAt = clock.now
        try await list.revokeSessions(of: victim)
        clock.advance(by: 5)  // The local answer is stale: both subjects are looked up.
        store.behavior.withLock { $0 = .waitForGate }
        async let attackerRevoked = list.isRevoked(attacker, startedAt: startedAt)
        async let victimRevoked = list.isRevoked(victim, startedAt: startedAt)
        // Long enough for both lookups to start and wait at the gate.
        try await Task.sleep(for: .milliseconds(100))
        store.gate.open()
        #expect(try await !attackerRevoked)
        #expect(try await victimRevoked)
        #expect(store.lookups == 2)
    }

    @Test(arguments: [SessionRevocationList<String>.StoreFailurePolicy.refuse, .accept])
    func aSubjectWithANulCharacterIsRefusedNeverRevokedNorAccepted(
        policy: SessionRevocationList<String>.StoreFailurePolicy
    ) async throws {
        let list = try list(whenStoreFails: policy)
        await #expect(throws: SessionRevocationError.unrevocableSubject) {
            try await list.revokeSessions(of: "alice\u{0}")
        }
        await #expect(throws: SessionRevocationError.unrevocableSubject) {
            try await list.revokeSessions(of: "\u{0}", startedUpTo: clock.now)
        }
        #expect(try await store.revocationCutoff(for: "alice\u{0}") == nil)
        #expect(try await !list.isRevoked("alice", startedAt: clock.now))
        // Its sessions are never vouched for, and the store is never asked about it.
        let lookups = store.lookups
        #expect(try await list.isRevoked("alice\u{0}", startedAt: clock.now))
        #expect(store.lookups == lookups)
    }

    @Test func theEmptySubjectIsAnOrdinaryOne() async throws {
        let list = try list()
        try await list.revokeSessions(of: "")
        #expect(try await list.isRevoked("", startedAt: clock.now))
        #expect(try await !list.isRevoked(" ", startedAt: clock.now))
        clock.advance(by: 5)
        #expect(try await list.isRevoked("", startedAt: clock.now.addingTimeInterval(-5)))
    }
}
