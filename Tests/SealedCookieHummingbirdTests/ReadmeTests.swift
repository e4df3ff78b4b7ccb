#if Hummingbird
import Foundation
import Hummingbird
import HummingbirdAuth
import HummingbirdTesting
import SealedCookie
import Testing

/// The README's Hummingbird start (ReadmeStart.swift) run, and the check that the README and the
/// module's Getting started article show that code.
@Suite struct ReadmeTests {
    @Test func theHummingbirdStartSetsTheSessionCookie() async throws {
        setenv("SESSION_KEYS", "1:" + (try SessionKey.generate(id: 1).exportBase64URL()), 1)
        let responder = try buildRouter().buildResponder()
        // The router test client always says `localhost`, which is outside the cookie's scope.
        let app = Application(
            responder: CallbackResponder {
                (request: Request, context: BasicSessionRequestContext<UserSession, String>) in
                var head = request.head
                head.authority = "shop.example.com"
                return try await responder.respond(to: Request(head: head, body: request.body), context: context)
            })
        try await app.test(.router) { client in
            try await client.execute(uri: "/login", method: .post) { response in
                #expect(response.status == .ok)
                let line = try #require(response.headers[values: .setCookie].first)
                #expect(line.hasPrefix("__Secure-session=") && line.contains("; Domain=example.com"))
                #expect(line.contains("; Max-Age=604800") && line.contains("; Secure; HttpOnly"))
            }
        }
    }

    @Test(arguments: ["README.md", "Sources/SealedCookieHummingbird/Docs.docc/GettingStarted.md"])
    func theDocumentShowsTheCompiledStart(document: String) throws {
        let root = DocumentationSnippets.packageRoot(from: #filePath)
        let start = try DocumentationSnippets.text(
            of: "Tests/SealedCookieHummingbirdTests/ReadmeStart.swift", root: root)
        let blocks = DocumentationSnippets.swiftBlocks(in: try DocumentationSnippets.text(of: document, root: root))
            .filter { $0.contains("import SealedCookieHummingbird") }
        #expect(blocks.count == 1)
        for block in blocks {
            let missing = DocumentationSnippets.chunksMissing(from: [start], block: block)
            #expect(missing.isEmpty, "\(document) shows code that ReadmeStart.swift does not compile: \(missing)")
        }
    }
}
#endif
