#if Hummingbird
import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import SealedCookieExampleApp
import SealedCookieHummingbird
import Testing

/// Cookies that do not open: the request goes on without a session, the reason goes to the
/// debug log only, and the cookie is left alone.
@Suite struct RejectedSessionTests {
    /// Flips one character in the middle of the value.
    static func tampered(_ field: String) -> String {
        var characters = Array(field)
        let index = characters.count / 2
        characters[index] = characters[index] == "A" ? "B" : "A"
        return String(characters)
    }

    @Test func aTamperedCookieIsNoSessionAndTheReasonIsOnlyLogged() async throws {
        let node = try TestNode()
        try await node.test { client in
            let login = try await client.execute(uri: "/login?user=alice", method: .post)
            try await client.execute(uri: "/me", method: .get, headers: .cookie(Self.tampered(login.cookieField))) {
                response in
                #expect(response.status == .seeOther)
                #expect(response.setCookies.isEmpty)
                #expect(!response.text.localizedCaseInsensitiveContains("authentic"))
                #expect(!response.text.localizedCaseInsensitiveContains("cookie"))
            }
        }
        let rejected = node.logs.entries(at: .debug, containing: "rejected")
        #expect(rejected.count == 1)
        #expect(rejected.first?.metadata.contains("authentication") == true)
        #expect(node.logs.all.allSatisfy { $0.level < .warning })
    }

    @Test func anExpiredCookieIsNoSession() async throws {
        let node = try TestNode()
        try await node.test { client in
            let login = try await client.execute(uri: "/login?user=alice", method: .post)
            // One day of lifetime, plus the codec's 60 seconds of clock skew, plus one second.
            node.clock.advance(by: 86_400 + 61)
            try await client.execute(uri: "/me", method: .get, headers: .cookie(login.cookieField)) { response in
                #expect(response.status == .seeOther)
                #expect(response.setCookies.isEmpty)
                #expect(!response.text.contains("expired"))
            }
        }
        #expect(node.logs.entries(at: .debug, containing: "rejected").first?.metadata.contains("expired") == true)
    }

    @Test func aCookieFromAnotherKeyRingIsNoSessionAndIsNotDeleted() async throws {
        let other = try TestNode(keyRing: TestNode.ring(2))
        let node = try TestNode()
        let foreign = try await other.test { client in
            try await client.execute(uri: "/login?user=mallory", method: .post).cookieField
        }
        try await node.test { client in
            try await client.execute(uri: "/me", method: .get, headers: .cookie(foreign)) { response in
                #expect(response.status == .seeOther)
                // A node that lags behind a key rotation must not log the user out.
                #expect(response.setCookies.isEmpty)
            }
        }
        #expect(
            node.logs.entries(at: .debug, containing: "rejected").first?.metadata.contains("no key with id 2") == true)
    }

    @Test func garbageIsNoSession() async throws {
        let node = try TestNode()
        try await node.test { client in
            for field in ["session=", "session=%%%", "session=" + String(repeating: "A", count: 5000), "other=1"] {
                try await client.execute(uri: "/me", method: .get, headers: .cookie(field)) { response in
                    #expect(response.status == .seeOther, "\(field.prefix(20))")
                    #expect(response.setCookies.isEmpty)
                }
            }
        }
    }

    @Test func aLoginOverARejectedCookieReplacesIt() async throws {
        let node = try TestNode()
        try await node.test { client in
            let login = try await client.execute(uri: "/login?user=alice", method: .post)
            let again = try await client.execute(
                uri: "/login?user=bob", method: .post, headers: .cookie(Self.tampered(login.cookieField)))
            #expect(again.setCookies.count == 1)
            try await client.execute(uri: "/me", method: .get, headers: .cookie(again.cookieField)) { response in
                #expect(response.reply?.user == "bob")
            }
        }
    }
}
#endif
