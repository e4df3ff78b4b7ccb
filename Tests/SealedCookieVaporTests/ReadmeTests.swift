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

/// The README's Vapor snippet, verbatim between the markers, run; and checked against the
/// README so the two cannot drift.
@Suite struct ReadmeTests {
    struct UserSession: Codable, Sendable, Equatable {
        var userID: String
    }

    @Test func theVaporSnippetRuns() async throws {
        setenv("SESSION_KEYS", "1:" + (try SessionKey.generate(id: 1).exportBase64URL()), 1)
        try await withApp { app in
            // README begin
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
            // README end
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

    @Test func theReadmeShowsTheSnippetAsRun() throws {
        let here = URL(fileURLWithPath: #filePath)
        let root = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let source = try String(contentsOf: here, encoding: .utf8)
        let snippet = try #require(Self.between("// README begin\n", "            // README end", in: source))
        let lines = snippet.split(separator: "\n", omittingEmptySubsequences: false).map { $0.dropFirst(12) }
        #expect(readme.contains(lines.joined(separator: "\n")), "README's Vapor snippet differs from the tested one")
    }

    private static func between(_ start: String, _ end: String, in text: String) -> String? {
        guard let from = text.range(of: start), let to = text.range(of: end, range: from.upperBound..<text.endIndex)
        else {
            return nil
        }
        return String(text[from.upperBound..<to.lowerBound].dropLast())
    }
}
#endif
