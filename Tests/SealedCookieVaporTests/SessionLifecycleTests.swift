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

/// Login, reading, changing and clearing the session through the Vapor middleware.
@Suite struct SessionLifecycleTests {
    @Test func loginSetsTheSessionCookieScopedToTheRootDomain() async throws {
        let node = try VaporTestNode()
        try await node.test { client in
            let login = try await client.send(.POST, "/login?user=alice")
            #expect(login.status == .ok)
            #expect(login.setCookies.count == 1)
            let line = try #require(login.setCookies.first)
            #expect(line.hasPrefix("session="))
            for attribute in ["Domain=example.test", "Path=/", "Max-Age=86400", "Secure", "HttpOnly", "SameSite=Lax"] {
                #expect(line.contains("; \(attribute)"), "missing \(attribute) in \(line)")
            }
            #expect(login.headers.first(name: .cacheControl) == "no-store")
        }
    }

    @Test func aLaterRequestSeesTheSessionAndGetsNoCookie() async throws {
        let node = try VaporTestNode()
        try await node.test { client in
            let login = try await client.send(.POST, "/login?user=alice")
            for _ in 0..<2 {
                let me = try await client.send(.GET, "/me", cookie: login.cookieField)
                #expect(me.status == .ok)
                #expect(me.reply?.user == "alice")
                #expect(me.setCookies.isEmpty)
                #expect(me.headers.first(name: .cacheControl) == nil)
            }
        }
    }

    @Test func withoutASessionTheAppRedirectsToLogin() async throws {
        let node = try VaporTestNode()
        try await node.test { client in
            let me = try await client.send(.GET, "/me")
            #expect(me.status == .seeOther)
            #expect(me.headers.first(name: .location) == "/login")
            #expect(me.setCookies.isEmpty)
        }
    }

    @Test func aChangeSendsANewCookieThatCarriesIt() async throws {
        let node = try VaporTestNode()
        try await node.test { client in
            let login = try await client.send(.POST, "/login?user=alice")
            let change = try await client.send(.POST, "/cart?item=teapot", cookie: login.cookieField)
            #expect(change.setCookies.count == 1)
            #expect(change.cookieField != login.cookieField)
            let me = try await client.send(.GET, "/me", cookie: change.cookieField)
            #expect(me.reply?.cart == ["teapot"])
        }
    }

    @Test func logoutDeletesTheCookieWithItsDomainAndPath() async throws {
        let node = try VaporTestNode()
        try await node.test { client in
            let login = try await client.send(.POST, "/login?user=alice")
            let logout = try await client.send(.POST, "/logout", cookie: login.cookieField)
            #expect(logout.status == .ok)
            let line = try #require(logout.setCookies.first)
            #expect(logout.setCookies.count == 1)
            #expect(line.hasPrefix("session=;"))
            for attribute in ["Max-Age=0", "Domain=example.test", "Path=/"] {
                #expect(line.contains("; \(attribute)"), "missing \(attribute) in \(line)")
            }
        }
    }

    @Test func theTypedSessionReadsSetsUpdatesAndClears() async throws {
        let node = try VaporTestNode()
        try await node.test(routes: { app in
            app.grouped(SealedSessionMiddleware(configuration: node.node.sessions)).post("typed") { req -> String in
                let session = try req.sealedSession(as: ExampleSession.self)
                let before = session.data == nil ? "none" : "some"
                session.set(ExampleSession(user: "bob"), expiresIn: .seconds(600))
                let visits = session.update {
                    $0.visits += 2
                    return $0.visits
                }
                return "\(before) \(visits ?? -1) \(session.expiresIn == .seconds(600))"
            }
        }) { client in
            let typed = try await client.send(.POST, "/typed")
            #expect(String(buffer: typed.body) == "none 2 true")
            #expect(typed.setCookies.first?.contains("Max-Age=600") == true)
        }
    }

    @Test func aRouteWithoutTheMiddlewareGetsAServerErrorNotASilentSession() async throws {
        let node = try VaporTestNode()
        try await node.test(routes: { app in
            app.get("bare") { req -> String in
                try req.sealedSession(as: ExampleSession.self).data?.user ?? "nobody"
            }
        }) { client in
            let bare = try await client.send(.GET, "/bare")
            #expect(bare.status == .internalServerError)
            #expect(node.logs.entries(at: .error, containing: "No SealedSessionMiddleware").count == 1)
        }
    }
}
#endif
