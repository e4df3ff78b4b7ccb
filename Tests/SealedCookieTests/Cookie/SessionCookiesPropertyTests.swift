import Foundation
import PropertyBased
import Testing

@testable import SealedCookie

@Suite("SessionCookies properties")
struct SessionCookiesPropertyTests {
    typealias Fixture = SessionCookiesFixture

    /// A minimal browser cookie jar for one host: applies Set-Cookie values in order and
    /// sends the cookies back in storage order.
    struct Jar {
        var cookies: [(name: String, value: String)] = []

        mutating func apply(_ setCookies: [String]) {
            for header in setCookies {
                let (name, value) = Fixture.nameValue(header)
                cookies.removeAll { $0.name == name }
                if !header.contains("; Max-Age=0") { cookies.append((name, value)) }
            }
        }

        var cookieHeader: String { cookies.map { $0.name + "=" + $0.value }.joined(separator: "; ") }
    }

    static func configurations() throws -> [SessionCookiesConfiguration] {
        let root = try CookieScope.rootDomain("example.com")
        let budget = CookieBudget(requestHeaderByteCount: 16_384)
        return [
            SessionCookiesConfiguration(scope: root, budget: budget, maxChunkCount: 3),
            SessionCookiesConfiguration(
                scope: .hostOnly, sameSite: .strict, persistence: .browserSession, budget: budget, maxChunkCount: 3),
            SessionCookiesConfiguration(
                scope: root, sameSite: SameSite.none, partitioned: true, budget: budget, maxChunkCount: 3),
        ]
    }

    @Test("random sessions: encode, header text, parse, decode; stale chunks never survive")
    func roundTrip() async throws {
        let ring = try Fixture.keyRing()
        let all = try Self.configurations().map {
            try Fixture.cookies(keyRing: ring, maxValueLength: 16_384, configuration: $0)
        }
        await propertyCheck(
            count: 150,
            input: Gen<UInt8>.value(in: 0...255).array(of: 0...7000),
            Gen.lowercaseLetter.string(of: 1...6).array(of: 0...4),
            Gen.int(in: 0...2),
            Gen.int(in: 0...2)
        ) { session, otherNames, staleChunks, variant in
            let cookies = all[variant]
            var jar = Jar()
            for name in otherNames where name != "session" { jar.cookies.append((name, "v-" + name)) }
            // What an earlier, larger session left behind.
            if staleChunks > 0 {
                jar.cookies.append(("session", "\(staleChunks + 1)~old"))
                for index in 1...staleChunks { jar.cookies.append(("session.\(index)", "old")) }
            }
            let set = try cookies.setCookieHeaders(
                for: session, requestHost: "shop.example.com", requestCookieHeaders: [jar.cookieHeader])
            for header in set { #expect(header.utf8.count <= 4093) }
            jar.apply(set)
            let sessionCookies = jar.cookies.filter { $0.name == "session" || $0.name.hasPrefix("session.") }
            let written = set.filter { !$0.contains("; Max-Age=0") }.count
            #expect(sessionCookies.count == written)
            let opened = try cookies.session(fromCookieHeaders: [jar.cookieHeader])
            #expect(opened?.session == session)
            // Log-out leaves nothing of the session in the jar.
            jar.apply(cookies.deletionHeaders(requestCookieHeaders: [jar.cookieHeader]))
            #expect(!jar.cookies.contains { $0.name == "session" || $0.name.hasPrefix("session.") })
            #expect(try cookies.session(fromCookieHeaders: [jar.cookieHeader]) == nil)
        }
    }

    static let tokenCharacters = Array("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    static let octetCharacters = (0x21...0x7E).filter { ![0x22, 0x2C, 0x3B, 0x5C].contains($0) }.map {
        Character(Unicode.Scalar(UInt8($0)))
    }

    @Test("random cookie pairs survive serialization and parsing, duplicates and order kept")
    func headerRoundTrip() async throws {
        let tokens = Self.tokenCharacters
        let octets = Self.octetCharacters
        let name = Gen.int(in: 0...(tokens.count - 1)).map { tokens[$0] }.string(of: 1...12)
        let value = Gen.int(in: 0...(octets.count - 1)).map { octets[$0] }.string(of: 0...40)
        await propertyCheck(input: name.array(of: 0...20), value.array(of: 20), Gen.bool) { names, values, tight in
            let pairs = zip(names, values).map { CookieHeader.Pair(name: $0, value: $1) }
            let text = pairs.map { $0.name + "=" + $0.value }.joined(separator: tight ? ";" : "; ")
            let parsed = try CookieHeader(parsing: text)
            // A value made only of a quoted string loses its quotes; the generator has none.
            #expect(parsed.pairs == pairs)
            for pair in pairs {
                #expect(parsed.values(named: pair.name) == pairs.filter { $0.name == pair.name }.map(\.value))
            }
        }
    }

    @Test("Punycode round trips random labels")
    func punycodeRoundTrip() async {
        let scalar = Gen.unicodeScalar(in: "\u{61}"..."\u{2FFF}")
        await propertyCheck(input: scalar.array(of: 1...20)) { scalars in
            // Whatever encodes decodes back; only an encoding past a label's 63 bytes is refused,
            // which up to 8 scalars of this range never reach (at most 5 digits each).
            guard let encoded = Punycode.encode(scalars) else {
                #expect(scalars.count > 8, "a short label was refused")
                return
            }
            #expect(encoded.utf8.count <= 63)
            #expect(Punycode.decode(Substring(encoded).utf8) == scalars)
        }
    }
}
