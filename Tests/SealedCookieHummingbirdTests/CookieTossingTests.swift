#if Hummingbird
import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import SealedCookie
import SealedCookieExampleApp
import SealedCookieHummingbird
import Testing

/// Cookie tossing through the middleware: a user who controls a sibling subdomain plants his own
/// valid session cookie for the root domain; the victim must get no session, not his.
@Suite struct CookieTossingTests {
    @Test func twoDifferentValidSessionsAreNoSessionAndOneRateLimitedWarning() async throws {
        let node = try TestNode()
        try await node.test { client in
            let mallory = try await client.execute(uri: "/login?user=mallory", method: .post).cookieField
            let alice = try await client.execute(uri: "/login?user=alice", method: .post).cookieField
            // The planted cookie has the longer Path, so the browser sends it first.
            for _ in 0..<5 {
                try await client.execute(uri: "/me", method: .get, headers: .cookie(mallory + "; " + alice)) {
                    response in
                    #expect(response.status == .seeOther)
                    #expect(response.reply?.user == nil)
                    #expect(response.setCookies.isEmpty)
                }
            }
        }
        #expect(node.logs.entries(at: .warning, containing: "different sessions").count == 1)
        #expect(node.logs.all.filter { $0.level >= .error }.isEmpty)
    }

    /// `cookie` with the character `fromEnd` places before its end changed (not the last one,
    /// so the value stays canonical base64url and fails only at the AEAD).
    static func tampered(_ cookie: String, fromEnd: Int) -> String {
        var characters = Array(cookie)
        let index = characters.count - 1 - fromEnd
        characters[index] = characters[index] == "A" ? "B" : "A"
        return String(characters)
    }

    /// The attack of issue 18: seven copies of mallory's cookie with one tag character changed
    /// use up the default eight open attempts with his own cookie, ahead of alice's.
    @Test func junkThatUsesUpTheOpenAttemptsIsNoSessionAndAWarning() async throws {
        let node = try TestNode()
        try await node.test { client in
            let mallory = try await client.execute(uri: "/login?user=mallory", method: .post).cookieField
            let alice = try await client.execute(uri: "/login?user=alice", method: .post).cookieField
            let junk = (2..<9).map { Self.tampered(mallory, fromEnd: $0) }
            let field = (junk + [mallory, alice]).joined(separator: "; ")
            try await client.execute(uri: "/me", method: .get, headers: .cookie(field)) { response in
                #expect(response.status == .seeOther)
                #expect(response.reply?.user == nil)
                #expect(response.setCookies.isEmpty)
            }
            // The junk alone before alice's cookie leaves her session.
            let junkFirst = (junk + [alice]).joined(separator: "; ")
            try await client.execute(uri: "/me", method: .get, headers: .cookie(junkFirst)) { response in
                #expect(response.reply?.user == "alice")
            }
        }
        #expect(node.logs.entries(at: .warning, containing: "different sessions").count == 1)
    }

    /// Cookie fields split into `name=value` pairs.
    static func pairs(_ field: String) -> [String] {
        field.split(separator: "; ").map(String.init)
    }

    /// Alice's session and mallory's (several, one chunked), and values mallory can seal that
    /// must not open: expired, under another key with the same id, under an unknown key id.
    static func material(node: TestNode, clock: TestClock) async throws -> CookiePlanting.Material {
        let login = { @Sendable (client: any TestClientProtocol) in
            try await client.execute(uri: "/login?user=mallory", method: .post).cookieField
        }
        let expired = try await node.test(login)
        clock.advance(by: 2 * 24 * 60 * 60)
        let otherKey = try await TestNode(keyRing: try TestNode.ring(1), clock: clock).test(login)
        let unknownKey = try await TestNode(keyRing: try TestNode.ring(9), clock: clock).test(login)
        let (alice, mallory) = try await node.test { client in
            let alice = try await client.execute(uri: "/login?user=alice", method: .post).cookieField
            let first = try await login(client)
            let second = try await login(client)
            let cart = try await client.execute(uri: "/cart?item=x", method: .post, headers: .cookie(first)).cookieField
            let large = try await client.execute(uri: "/grow?bytes=5000", method: .post, headers: .cookie(first))
                .cookieField
            return (alice, [first, second, cart, large])
        }
        return CookiePlanting.Material(
            base: "session", maxChunkCount: 2, victim: Self.pairs(alice), attackerSessions: mallory.map(Self.pairs),
            sealedJunk: [expired, otherKey, unknownKey].map(Self.pairs))
    }

    @Test func plantedCookiesNeverSwapTheSession() async throws {
        let clock = TestClock()
        let node = try TestNode(keyRing: try TestNode.ring(1), clock: clock)
        let material = try await Self.material(node: node, clock: clock)
        try #require(material.attackerSessions.map(\.count) == [1, 1, 1, 2])
        var generator = SeededGenerator.forTest()
        let plantings = (0..<300).map { _ in
            CookiePlanting.random(from: material, maxOpenAttempts: 8, using: &generator)
        }
        let (victimAmongPlanted, noSession) = try await node.test { client in
            var (victimAmongPlanted, noSession) = (0, 0)
            for (index, planting) in plantings.enumerated() {
                let user = try await client.execute(uri: "/me", method: .get, headers: .cookie(planting.header)).reply?
                    .user
                if planting.containsVictim {
                    #expect(user == nil || user == "alice", "case \(index): \(user ?? "none") with alice's cookie")
                    if user == nil { noSession += 1 } else if !planting.isVictimAlone { victimAmongPlanted += 1 }
                } else {
                    #expect(user == nil || user == "mallory", "case \(index): \(user ?? "none") without alice's cookie")
                }
            }
            return (victimAmongPlanted, noSession)
        }
        print(
            "Planted cookies through Hummingbird: alice's session among planted cookies \(victimAmongPlanted), none with her cookie \(noSession)"
        )
        #expect(victimAmongPlanted > 0 && noSession > 0)
        // Conflicts are logged at warning level once per interval (the clock stands still here).
        #expect(node.logs.entries(at: .warning, containing: "different sessions").count == 1)
        #expect(node.logs.all.filter { $0.level >= .error }.isEmpty)
    }
}
#endif
