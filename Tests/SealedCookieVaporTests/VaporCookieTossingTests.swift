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

/// Cookie tossing through Vapor's middleware: whatever a user who controls a sibling subdomain
/// plants (junk of every kind, sessions of his own, chunks, in any order, up to the bounds), the
/// handler sees the victim's session or none, never the planter's.
@Suite("Vapor cookie tossing")
struct VaporCookieTossingTests {
    /// Cookie fields split into `name=value` pairs.
    static func pairs(_ field: String) -> [String] {
        field.split(separator: "; ").map(String.init)
    }

    /// `cookie` with the character `fromEnd` places before its end changed (not the last one,
    /// so the value stays canonical base64url and fails only at the AEAD).
    static func tampered(_ cookie: String, fromEnd: Int) -> String {
        var characters = Array(cookie)
        let index = characters.count - 1 - fromEnd
        characters[index] = characters[index] == "A" ? "B" : "A"
        return String(characters)
    }

    @Test("junk that uses up the open attempts ahead of the victim's cookie: no session and a warning")
    func junkThatUsesUpTheOpenAttempts() async throws {
        let node = try VaporTestNode()
        try await node.test { client in
            let mallory = try await client.send(.POST, "/login?user=mallory").cookieField
            let alice = try await client.send(.POST, "/login?user=alice").cookieField
            let junk = (2..<9).map { Self.tampered(mallory, fromEnd: $0) }
            let swapped = try await client.send(.GET, "/me", cookie: (junk + [mallory, alice]).joined(separator: "; "))
            #expect(swapped.status == .seeOther)
            #expect(swapped.reply?.user == nil)
            // The junk alone before alice's cookie leaves her session.
            let kept = try await client.send(.GET, "/me", cookie: (junk + [alice]).joined(separator: "; "))
            #expect(kept.reply?.user == "alice")
        }
        #expect(node.logs.entries(at: .warning, containing: "different sessions").count == 1)
    }

    /// Alice's session and mallory's (several, one chunked), and values mallory can seal that
    /// must not open: expired, under another key with the same id, under an unknown key id.
    static func material(node: VaporTestNode, clock: TestClock) async throws -> CookiePlanting.Material {
        let login = { (client: VaporTestNode.Client) in
            try await client.send(.POST, "/login?user=mallory").cookieField
        }
        let expired = try await node.test(login)
        clock.advance(by: 2 * 24 * 60 * 60)
        let otherKey = try await VaporTestNode(keyRing: try VaporTestNode.ring(1), clock: clock).test(login)
        let unknownKey = try await VaporTestNode(keyRing: try VaporTestNode.ring(9), clock: clock).test(login)
        let (alice, mallory) = try await node.test { client in
            let alice = try await client.send(.POST, "/login?user=alice").cookieField
            let first = try await login(client)
            let second = try await login(client)
            let cart = try await client.send(.POST, "/cart?item=x", cookie: first).cookieField
            let large = try await client.send(.POST, "/grow?bytes=5000", cookie: first).cookieField
            return (alice, [first, second, cart, large])
        }
        return CookiePlanting.Material(
            base: ExampleCookies.cookieName, maxChunkCount: 2, victim: Self.pairs(alice),
            attackerSessions: mallory.map(Self.pairs), sealedJunk: [expired, otherKey, unknownKey].map(Self.pairs))
    }

    @Test("planted cookies never swap the session")
    func plantedCookiesNeverSwapTheSession() async throws {
        let clock = TestClock()
        let node = try VaporTestNode(keyRing: try VaporTestNode.ring(1), clock: clock)
        let material = try await Self.material(node: node, clock: clock)
        try #require(material.attackerSessions.map(\.count) == [1, 1, 1, 2])
        var generator = SeededGenerator.forTest()
        let plantings = (0..<300).map { _ in
            CookiePlanting.random(from: material, maxOpenAttempts: 8, using: &generator)
        }
        var (victimAmongPlanted, noSession) = (0, 0)
        try await node.test { client in
            for (index, planting) in plantings.enumerated() {
                let user = try await client.send(.GET, "/me", cookie: planting.header).reply?.user
                if planting.containsVictim {
                    #expect(user == nil || user == "alice", "case \(index): \(user ?? "none") with alice's cookie")
                    if user == nil { noSession += 1 } else if !planting.isVictimAlone { victimAmongPlanted += 1 }
                } else {
                    #expect(user == nil || user == "mallory", "case \(index): \(user ?? "none") without alice's cookie")
                }
            }
        }
        print(
            "Planted cookies through Vapor: alice's session among planted cookies \(victimAmongPlanted), none with her cookie \(noSession)"
        )
        #expect(victimAmongPlanted > 0 && noSession > 0)
        // Conflicts are logged at warning level once per interval (the clock stands still here).
        #expect(node.logs.entries(at: .warning, containing: "different sessions").count == 1)
        #expect(node.logs.all.filter { $0.level >= .error }.isEmpty)
    }
}
#endif
