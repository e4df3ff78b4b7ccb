#if Macros
import Foundation
import SealedCookieMacros  // package trait "Macros"
import SealedCookieTestSupport
import Testing

/// The `@SessionJSON` example of the Faster sessions article, verbatim, sealed and opened; and the
/// check that the article shows this code.
@Suite struct ReadmeTests {
    @SessionJSON
    struct UserSession: Codable, Sendable {
        var userID: String
        var roles: [String]
        @SessionSecret var csrfToken: String
        var cart: Cart?

        @SessionJSON
        struct Cart: Codable, Sendable {
            var items: [String]
            var updatedAt: Int

            enum CodingKeys: String, CodingKey {
                case items
                case updatedAt = "updated_at"
            }
        }
    }

    @Test func sessionJSONExampleSealsAndOpens() throws {
        let codec = try SessionCodec<UserSession>(
            configuration: SessionCodecConfiguration(
                cookieName: "session", keyRing: try KeyRing(primary: try SessionKey.generate(id: 1))))
        let session = UserSession(
            userID: "u_42", roles: ["admin"], csrfToken: "t0k3n",
            cart: UserSession.Cart(items: ["sku-1"], updatedAt: 1_795_478_400))
        let opened = try codec.open(try codec.seal(session)).session
        #expect(opened.userID == "u_42" && opened.roles == ["admin"] && opened.csrfToken == "t0k3n")
        #expect(opened.cart?.items == ["sku-1"] && opened.cart?.updatedAt == 1_795_478_400)
    }

    @Test func theArticleShowsCodeOfThisFile() throws {
        let root = DocumentationSnippets.packageRoot(from: #filePath)
        let article = try DocumentationSnippets.text(
            of: "Sources/SealedCookieMacros/Docs.docc/FasterSessions.md", root: root)
        let source = try String(contentsOfFile: #filePath, encoding: .utf8)
        let blocks = DocumentationSnippets.swiftBlocks(in: article)
        #expect(blocks.count == 1)
        for block in blocks {
            let missing = DocumentationSnippets.chunksMissing(from: [source], block: block)
            #expect(missing.isEmpty, "FasterSessions.md shows code this file does not compile: \(missing)")
        }
    }
}
#endif
