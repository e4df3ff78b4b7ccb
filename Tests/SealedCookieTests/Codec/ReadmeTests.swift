import Foundation
import SealedCookie
import SealedCookieTestSupport
import Testing

/// The code of the "Getting started" and "Session dictionaries" articles, verbatim, run; the
/// check that those articles and the Revocation article show compiled code; and the check of the
/// README's manifest lines.
@Suite struct ReadmeTests {
    struct UserSession: Codable, Sendable {
        var userID: String
        var roles: [String]
    }

    @Test func quickStartCompilesAndRoundTrips() throws {
        setenv("SESSION_KEYS", "1:" + (try SessionKey.generate(id: 1).exportBase64URL()), 1)

        // SESSION_KEYS holds "1:<43 base64url characters>" (more keys for rotation: "2:<new>,1:<old>").
        let codec = try SessionCodec<UserSession>(
            configuration: SessionCodecConfiguration(
                cookieName: "session",
                keyRing: try KeyRing(environmentVariable: "SESSION_KEYS")))

        let value = try codec.seal(UserSession(userID: "u_42", roles: ["admin"]))  // the cookie value
        let opened = try codec.open(value)  // on the next request
        print(opened.session.userID, opened.header.expiresAt, opened.needsResealing)

        #expect(opened.session.userID == "u_42" && opened.session.roles == ["admin"] && !opened.needsResealing)
    }

    @Test func cookiesForTheWholeDomainCompileAndRoundTrip() throws {
        setenv("SESSION_KEYS", "1:" + (try SessionKey.generate(id: 1).exportBase64URL()), 1)

        let cookies = try SessionCookies<UserSession>(
            cookieName: "__Secure-session",
            keyRing: try KeyRing(environmentVariable: "SESSION_KEYS"),
            rootDomain: "example.com")

        // Response: one Set-Cookie header per value (more than one when chunked or cleaning up).
        let setCookies = try cookies.setCookieHeaders(
            for: UserSession(userID: "u_42", roles: ["admin"]),
            requestHost: "shop.example.com", requestCookieHeaders: [])
        // ["__Secure-session=…; Domain=example.com; Path=/; Expires=…; Max-Age=86400; Secure; HttpOnly; SameSite=Lax"]

        // Next request, on any node and any host under example.com, with the cookie the browser kept:
        let cookieHeader = "theme=dark; " + setCookies[0].prefix { $0 != ";" }
        let opened = try cookies.session(fromCookieHeaders: [cookieHeader])
        // Logging out: deletions for every cookie the browser holds.
        let logout = cookies.deletionHeaders(requestCookieHeaders: [cookieHeader])

        #expect(setCookies.count == 1 && setCookies[0].hasSuffix("Max-Age=86400; Secure; HttpOnly; SameSite=Lax"))
        #expect(
            setCookies[0].hasPrefix("__Secure-session=")
                && setCookies[0].contains("; Domain=example.com; Path=/; Expires="))
        #expect(opened?.session.userID == "u_42")
        #expect(logout.count == 1 && logout[0].contains("Max-Age=0") && logout[0].contains("Domain=example.com"))
    }

    /// The session of the "Session dictionaries" article, apart from the one above.
    enum Dictionaries {
        struct UserSession: Codable, Sendable {
            var userID: String
            var roles: [String]
            @SessionSecret var csrfToken: String  // sealed apart, never compressed (see Security notes)
            var flash: String?
        }
    }

    /// The "Session dictionaries" article's setup, verbatim (run from the package root, where
    /// `swift test` runs).
    @Test func dictionarySetupCompilesAndRoundTrips() throws {
        setenv("SESSION_KEYS", "1:" + (try SessionKey.generate(id: 1).exportBase64URL()), 1)
        typealias UserSession = Dictionaries.UserSession

        // `sealed-cookie dictionary train sessions/ --id 1 -o sessions.zdict`, once, ahead of time.
        let dictionary = try SessionDictionary(contentsOfFile: "Dictionaries/sample-sessions.zdict")
        let codec = try SessionCodec<UserSession>(
            configuration: SessionCodecConfiguration(
                cookieName: "session",
                keyRing: try KeyRing(environmentVariable: "SESSION_KEYS"),
                maxSessionAge: .seconds(30 * 86_400),  // an absolute timeout, however active the user
                compression: .zstd(dictionaries: try SessionDictionaryRing(primary: dictionary))))

        let session = UserSession(
            userID: "u_42", roles: ["admin"], csrfToken: "q7ZsK2vN9xR4tW1mB8cF3hJ6pL0dG5yE", flash: nil)
        let opened = try codec.open(codec.seal(session))
        #expect(opened.session.csrfToken == session.csrfToken && opened.session.userID == "u_42")
        // Too small a body to shrink is stored; anything larger goes through the dictionary.
        #expect([.none, .zstd(dictionaryID: 1)].contains(opened.header.compression) && opened.header.hasSecretSection)
        let larger = UserSession(
            userID: "u_42", roles: ["customer", "beta_tester"], csrfToken: "q7ZsK2vN9xR4tW1mB8cF3hJ6pL0dG5yE",
            flash: "Your address was updated. We'll ship to the new address from now on.")
        #expect(try EnvelopeHeader(sealedValue: codec.seal(larger)).compression == .zstd(dictionaryID: 1))
    }

    /// The "Session dictionaries" article's move from the generic dictionary to the app's own,
    /// verbatim: before the activation the default's values are made and kept; after it, the
    /// app's dictionary seals and the generic dictionary's values open and are re-sealed.
    @Test func movingFromTheGenericDictionaryStagesYourOwn() throws {
        let mine = try SessionDictionary(contentsOfFile: "Dictionaries/sample-sessions.zdict")
        let activation = Date(timeIntervalSince1970: 1_800_000_000)
        let ring = try SessionDictionaryRing(entries: [
            .init(dictionary: .generic),
            .init(dictionary: mine, activation: activation),  // one full deploy and the clock skew ahead
        ])
        let session = Array(#"{"user_id":"u_42","roles":["customer","beta_tester"],"locale":"de-DE"}"#.utf8)
        let codec = { (seconds: TimeInterval) in
            try Fixture.bytesCodec(
                ring: KeyRing(primary: Fixture.sequentialKey()), compression: .zstd(dictionaries: ring), at: seconds)
        }
        let before = try codec(activation.timeIntervalSince1970 - 60)
        let value = try before.seal(session)
        #expect(try EnvelopeHeader(sealedValue: value).compression == .zstdBuiltIn(dictionaryID: 1))
        #expect(try before.open(value).needsResealing == false)
        let after = try codec(activation.timeIntervalSince1970 + 60)
        let opened = try after.open(value)
        #expect(opened.session == session && opened.needsResealing)
        #expect(try EnvelopeHeader(sealedValue: after.seal(session)).compression == .zstd(dictionaryID: 1))
    }

    /// Every Swift block of these articles is code of this file.
    @Test(arguments: ["GettingStarted.md", "Dictionaries.md"])
    func theArticleShowsCodeOfThisFile(article: String) throws {
        let root = DocumentationSnippets.packageRoot(from: #filePath)
        let markdown = try DocumentationSnippets.text(
            of: "Sources/SealedCookie/SealedCookie.docc/" + article, root: root)
        let source = try String(contentsOfFile: #filePath, encoding: .utf8)
        let blocks = DocumentationSnippets.swiftBlocks(in: markdown)
        #expect(!blocks.isEmpty)
        for block in blocks {
            let missing = DocumentationSnippets.chunksMissing(from: [source], block: block)
            #expect(missing.isEmpty, "\(article) shows code this file does not compile: \(missing)")
        }
    }

    /// The Revocation article's PostgreSQL setup is the code `RevocationArticleTests` runs, in the
    /// one test target that links PostgresNIO.
    @Test func theRevocationArticleShowsThePostgresTestsCode() throws {
        let root = DocumentationSnippets.packageRoot(from: #filePath)
        let article = try DocumentationSnippets.text(
            of: "Sources/SealedCookie/SealedCookie.docc/Revocation.md", root: root)
        let source = try DocumentationSnippets.text(
            of: "Tests/SealedCookiePostgresTests/RevocationArticleTests.swift", root: root)
        let blocks = DocumentationSnippets.swiftBlocks(in: article)
        #expect(blocks.count == 1)
        for block in blocks {
            let missing = DocumentationSnippets.chunksMissing(from: [source], block: block)
            #expect(missing.isEmpty, "Revocation.md shows code RevocationArticleTests does not compile: \(missing)")
        }
    }

    /// The README's manifest lines and the Package shape article's name only traits and library
    /// products that Package.swift declares; every other Swift block of the README is a framework
    /// start, checked against compiled code by that framework's `ReadmeTests`.
    @Test func manifestLinesNameDeclaredTraitsAndProducts() throws {
        let root = DocumentationSnippets.packageRoot(from: #filePath)
        let manifest = try DocumentationSnippets.text(of: "Package.swift", root: root)
        let traits = Set(Self.matches(of: #"\.trait\(\s*name:\s*"([^"]+)""#, in: manifest))
        let products = Set(Self.matches(of: #"\.library\(name:\s*"([^"]+)""#, in: manifest))
        let readme = DocumentationSnippets.swiftBlocks(in: try DocumentationSnippets.text(of: "README.md", root: root))
        let shape = DocumentationSnippets.swiftBlocks(
            in: try DocumentationSnippets.text(of: "Sources/SealedCookie/SealedCookie.docc/PackageShape.md", root: root)
        )
        let manifestBlocks = (readme + shape).filter { $0.contains(".package(url:") }
        #expect(manifestBlocks.count == 2)
        for block in manifestBlocks {
            for list in Self.matches(of: #"traits: \[([^\]]*)\]"#, in: block) {
                let named = Self.matches(of: #""([^"]+)""#, in: list)
                #expect(!named.isEmpty && Set(named).isSubset(of: traits), "unknown trait in \(list)")
            }
            let mentioned = Self.matches(of: #"\b(SealedCookie[A-Za-z]*)\b(?![.\w])"#, in: block)
            #expect(
                Set(mentioned).isSubset(of: products), "not a library product: \(Set(mentioned).subtracting(products))")
        }
        let frameworkStarts = readme.filter {
            $0.contains("import SealedCookieHummingbird") || $0.contains("import SealedCookieVapor")
        }
        #expect(frameworkStarts.count == 2)
        #expect(manifestBlocks.count + frameworkStarts.count == readme.count + shape.count)
    }

    private static func matches(of pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
