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

/// The Vapor Getting started article's code, verbatim, and the README's Vapor start
/// (ReadmeStart.swift) run; and the check that both documents show that code, so they cannot drift.
@Suite struct ReadmeTests {
    struct UserSession: Codable, Sendable, Equatable {
        var userID: String
    }

    @Test func theVaporSnippetRuns() async throws {
        setenv("SESSION_KEYS", "1:" + (try SessionKey.generate(id: 1).exportBase64URL()), 1)
        try await withApp { app in
            let sessions = app.grouped(
                SealedSessionMiddleware<UserSession>(
                    configuration: try .init(
                        cookieName: "__Secure-session", keyRing: try KeyRing(environmentVariable: "SESSION_KEYS"),
                        rootDomain: "example.com")))

            sessions.post("login") { req async throws -> HTTPStatus in
                try req.sealedSession(as: UserSession.self).set(
                    UserSession(userID: "u_42"), expiresIn: .seconds(7 * 86_400))
                return .ok
            }
            sessions.get("me") { req async throws -> String in
                guard let user = try req.sealedSession(as: UserSession.self).data else { throw Abort(.unauthorized) }
                return user.userID
            }
            sessions.post("logout") { req async throws -> HTTPStatus in
                try req.sealedSession(as: UserSession.self).clear()  // deletes every chunk, Domain included
                return .ok
            }
            let tester = try app.testing()
            let login = try await tester.sendRequest(.POST, "/login", headers: ["Host": "shop.example.com"])
            let line = try #require(login.headers[.setCookie].first)
            #expect(line.contains("; Domain=example.com") && line.contains("; Max-Age=604800"))
            let cookie = String(line.prefix { $0 != ";" })
            let me = try await tester.sendRequest(.GET, "/me", headers: ["Host": "www.example.com", "Cookie": cookie])
            #expect(String(buffer: me.body) == "u_42")
            let logout = try await tester.sendRequest(
                .POST, "/logout", headers: ["Host": "www.example.com", "Cookie": cookie])
            let deletion = try #require(logout.headers[.setCookie].first)
            #expect(deletion.contains("; Max-Age=0") && deletion.contains("; Domain=example.com"))
        }
    }

    @Test func theReadmeStartSetsTheSessionCookie() async throws {
        setenv("SESSION_KEYS", "1:" + (try SessionKey.generate(id: 1).exportBase64URL()), 1)
        try await withApp { app in
            try routes(app)
            let login = try await app.testing().sendRequest(.POST, "/login", headers: ["Host": "shop.example.com"])
            #expect(login.status == .ok)
            let line = try #require(login.headers[.setCookie].first)
            #expect(line.hasPrefix("__Secure-session=") && line.contains("; Domain=example.com"))
            #expect(line.contains("; Max-Age=604800") && line.contains("; Secure; HttpOnly"))
        }
    }

    @Test(arguments: [
        ("README.md", "Tests/SealedCookieVaporTests/ReadmeStart.swift"),
        ("Sources/SealedCookieVapor/Docs.docc/GettingStarted.md", "Tests/SealedCookieVaporTests/ReadmeTests.swift"),
    ])
    func theDocumentShowsCompiledCode(document: String, compiled: String) throws {
        let root = DocumentationSnippets.packageRoot(from: #filePath)
        // Both documents import as ReadmeStart.swift does.
        let sources = try [compiled, "Tests/SealedCookieVaporTests/ReadmeStart.swift"].map {
            try DocumentationSnippets.text(of: $0, root: root)
        }
        let blocks = DocumentationSnippets.swiftBlocks(in: try DocumentationSnippets.text(of: document, root: root))
            .filter { $0.contains("import SealedCookieVapor") }
        #expect(blocks.count == 1)
        for block in blocks {
            let missing = DocumentationSnippets.chunksMissing(from: sources, block: block)
            #expect(missing.isEmpty, "\(document) shows code that \(compiled) does not compile: \(missing)")
        }
    }
}
#endif
