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

/// Token mode: the sealed session in `Authorization: Bearer`, new values in `Session-Token`.
@Suite struct TokenModeTests {
    @Test func aTokenClientLogsInUsesAndChangesItsSessionWithoutCookies() async throws {
        let node = try VaporTestNode()
        try await node.test { client in
            let login = try await client.send(.POST, "/login?user=dave", headers: ["Session-Token": "request"])
            #expect(login.setCookies.isEmpty)
            let token = try #require(login.headers.first(name: "Session-Token"))
            #expect(login.headers.first(name: .cacheControl) == "no-store")

            let me = try await client.send(.GET, "/me", headers: ["Authorization": "Bearer \(token)"])
            #expect(me.reply?.user == "dave")
            #expect(me.headers.first(name: "Session-Token") == nil)
            let change = try await client.send(
                .POST, "/cart?item=kettle", headers: ["Authorization": "bearer \(token)"])
            let changed = try #require(change.headers.first(name: "Session-Token"))
            #expect(changed != token)
            #expect(change.setCookies.isEmpty)
            let read = try await client.send(.GET, "/me", headers: ["Authorization": "Bearer \(changed)"])
            #expect(read.reply?.cart == ["kettle"])
            let logout = try await client.send(.POST, "/logout", headers: ["Authorization": "Bearer \(changed)"])
            #expect(logout.setCookies.isEmpty)
            #expect(logout.headers.first(name: "Session-Token") == nil)
        }
    }

    @Test func theBearerTokenWinsOverACookieAndBadTokensAreNoSession() async throws {
        let node = try VaporTestNode()
        try await node.test { client in
            let cookie = try await client.send(.POST, "/login?user=alice").cookieField
            let token = try #require(
                try await client.send(.POST, "/login?user=dave", headers: ["Session-Token": "1"]).headers.first(
                    name: "Session-Token"))
            let both = try await client.send(.GET, "/me", cookie: cookie, headers: ["Authorization": "Bearer \(token)"])
            #expect(both.reply?.user == "dave")
            for authorization in ["Bearer \(token.dropLast(3))", "Bearer", "Basic \(token)"] {
                let me = try await client.send(.GET, "/me", headers: ["Authorization": authorization])
                #expect(me.status == .seeOther, "\(authorization.prefix(12))")
            }
        }
    }

    @Test func aCookieValueIsNoTokenAndATokenIsNoCookie() async throws {
        let node = try VaporTestNode()
        try await node.test { client in
            let cookie = try await client.send(.POST, "/login?user=alice").cookieField
            let token = try #require(
                try await client.send(.POST, "/login?user=dave", headers: ["Session-Token": "1"]).headers.first(
                    name: "Session-Token"))
            // Sealed under different purposes: neither opens in the other's place.
            let cookieAsToken = try await client.send(
                .GET, "/me", headers: ["Authorization": "Bearer \(cookie.drop { $0 != "=" }.dropFirst())"])
            #expect(cookieAsToken.status == .seeOther)
            let tokenAsCookie = try await client.send(.GET, "/me", cookie: "session=\(token)")
            #expect(tokenAsCookie.status == .seeOther)
        }
    }

    @Test func tokenModeIsOffUnlessConfigured() async throws {
        let node = try VaporTestNode()
        let token = try await node.test { client in
            try #require(
                try await client.send(.POST, "/login?user=dave", headers: ["Session-Token": "1"]).headers.first(
                    name: "Session-Token"))
        }
        var cookiesOnly = node
        let sessions = node.node.sessions
        cookiesOnly.node.sessions = try SealedSessionConfiguration(
            cookies: sessions.cookies, renewalFraction: sessions.renewalFraction, revocation: sessions.revocation)
        try await cookiesOnly.test { client in
            #expect(
                try await client.send(.GET, "/me", headers: ["Authorization": "Bearer \(token)"]).status == .seeOther)
            let login = try await client.send(.POST, "/login?user=dave", headers: ["Session-Token": "1"])
            #expect(login.headers.first(name: "Session-Token") == nil)
            #expect(login.setCookies.count == 1)
        }
    }
}
#endif
