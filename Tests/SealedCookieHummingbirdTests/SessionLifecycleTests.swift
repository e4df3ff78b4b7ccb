#if Hummingbird
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdAuth
import HummingbirdTesting
import Logging
import SealedCookie
import SealedCookieExampleApp
import Testing

@testable import SealedCookieHummingbird

/// Login, reading, changing and clearing the session through the middleware.
@Suite struct SessionLifecycleTests {
    @Test func loginSetsTheSessionCookieScopedToTheRootDomain() async throws {
        let node = try TestNode()
        try await node.test { client in
            try await client.execute(uri: "/login?user=alice", method: .post) { response in
                #expect(response.status == .ok)
                #expect(response.setCookies.count == 1)
                let line = try #require(response.setCookies.first)
                #expect(line.hasPrefix("session="))
                for attribute in [
                    "Domain=example.test", "Path=/", "Max-Age=86400", "Secure", "HttpOnly", "SameSite=Lax",
                ] {
                    #expect(line.contains("; \(attribute)"), "missing \(attribute) in \(line)")
                }
            }
        }
    }

    @Test func aLaterRequestSeesTheSessionAndGetsNoCookie() async throws {
        let node = try TestNode()
        try await node.test { client in
            let login = try await client.execute(uri: "/login?user=alice", method: .post)
            for _ in 0..<2 {
                try await client.execute(uri: "/me", method: .get, headers: .cookie(login.cookieField)) { response in
                    #expect(response.status == .ok)
                    #expect(response.reply?.user == "alice")
                    #expect(response.setCookies.isEmpty)
                }
            }
        }
    }

    @Test func withoutASessionTheAppRedirectsToLogin() async throws {
        let node = try TestNode()
        try await node.test { client in
            try await client.execute(uri: "/me", method: .get) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/login")
                #expect(response.setCookies.isEmpty)
            }
        }
    }

    @Test func aChangeSendsANewCookieThatCarriesIt() async throws {
        let node = try TestNode()
        try await node.test { client in
            let login = try await client.execute(uri: "/login?user=alice", method: .post)
            let change = try await client.execute(
                uri: "/cart?item=teapot", method: .post, headers: .cookie(login.cookieField))
            #expect(change.setCookies.count == 1)
            #expect(change.cookieField != login.cookieField)
            try await client.execute(uri: "/me", method: .get, headers: .cookie(change.cookieField)) { response in
                #expect(response.reply?.cart == ["teapot"])
                #expect(response.setCookies.isEmpty)
            }
        }
    }

    @Test func clearingDeletesTheCookieWithTheSameDomainAndPath() async throws {
        let node = try TestNode()
        try await node.test { client in
            let login = try await client.execute(uri: "/login?user=alice", method: .post)
            try await client.execute(uri: "/logout", method: .post, headers: .cookie(login.cookieField)) { response in
                #expect(response.status == .ok)
                #expect(response.setCookies.count == 1)
                let line = try #require(response.setCookies.first)
                #expect(line.hasPrefix("session=;"))
                #expect(line.contains("; Domain=example.test"))
                #expect(line.contains("; Path=/"))
                #expect(line.contains("; Max-Age=0"))
            }
        }
    }

    @Test func clearingAChunkedSessionDeletesEveryChunk() async throws {
        let node = try TestNode()
        try await node.test { client in
            let login = try await client.execute(uri: "/login?user=alice", method: .post)
            let grown = try await client.execute(
                uri: "/grow?bytes=5000", method: .post, headers: .cookie(login.cookieField))
            #expect(grown.status == .ok)
            #expect(grown.setCookies.map { String($0.prefix { $0 != "=" }) } == ["session", "session.1"])
            try await client.execute(uri: "/logout", method: .post, headers: .cookie(grown.cookieField)) { response in
                let deleted = response.setCookies.map { String($0.prefix { $0 != "=" }) }
                #expect(deleted == ["session", "session.1"])
                for line in response.setCookies {
                    #expect(
                        line.contains("; Domain=example.test") && line.contains("; Path=/")
                            && line.contains("; Max-Age=0"))
                }
            }
        }
    }

    @Test func shrinkingAChunkedSessionDeletesTheStaleChunk() async throws {
        let node = try TestNode()
        try await node.test { client in
            let login = try await client.execute(uri: "/login?user=alice", method: .post)
            let grown = try await client.execute(
                uri: "/grow?bytes=5000", method: .post, headers: .cookie(login.cookieField))
            try await client.execute(uri: "/grow?bytes=10", method: .post, headers: .cookie(grown.cookieField)) {
                response in
                #expect(response.setCookies.count == 2)
                #expect(response.setCookies.first?.hasPrefix("session=") == true)
                #expect(response.setCookies.last?.hasPrefix("session.1=;") == true)
                #expect(response.setCookies.last?.contains("; Max-Age=0") == true)
            }
        }
    }

    @Test func expiresInBecomesTheSealedLifetime() async throws {
        let node = try TestNode()
        let routes = { (router: Router<ExampleContext>) in
            router.add(middleware: SealedSessionMiddleware<ExampleContext>(configuration: node.node.sessions))
            router.post("remember") { _, context in
                context.sessions.createSession(ExampleSession(user: "alice"), expiresIn: .seconds(7 * 86_400))
                return HTTPResponse.Status.ok
            }
            router.get("expires-in") { _, context in
                "\(context.sessions.withLockedSession { $0?.expiresIn }.map { "\($0.components.seconds)" } ?? "none")"
            }
        }
        try await TestNode.test(routes: routes, logs: node.logs) { client in
            let login = try await client.execute(uri: "/remember", method: .post)
            let line = try #require(login.setCookies.first)
            #expect(line.contains("; Max-Age=604800"))
            let header = try EnvelopeHeader(sealedValue: line.cookieValue)
            #expect(header.lifetimeMinutes == 7 * 24 * 60)
            try await client.execute(uri: "/expires-in", method: .get, headers: .cookie(login.cookieField)) {
                response in
                #expect(response.text == "604800")
                #expect(response.setCookies.isEmpty)
            }
        }
    }

    @Test(arguments: [
        (Duration.seconds(90), UInt32(2)),
        (.milliseconds(1), 1),
        (.seconds(-5), 1),
        (.seconds(3600), 60),
        (.seconds(Int64.max), 400 * 1440),
    ])
    func expiresInIsRoundedUpToWholeMinutesWithinTheEnvelopeRange(expiresIn: Duration, minutes: UInt32) {
        #expect(SessionOutcome<ExampleSession>.lifetimeMinutes(of: expiresIn) == minutes)
    }
}
#endif
