import Foundation
import Testing

@testable import SealedCookie

@Suite("SessionCookies")
struct SessionCookiesTests {
    typealias Fixture = SessionCookiesFixture

    @Test("default attributes: Domain, Path=/, Expires and Max-Age from the lifetime, Secure, HttpOnly, Lax")
    func defaults() throws {
        let cookies = try Fixture.cookies()
        let headers = try cookies.setCookieHeaders(
            for: [1, 2, 3], requestHost: "a.example.com", requestCookieHeaders: [])
        #expect(headers.count == 1)
        let (name, value) = Fixture.nameValue(headers[0])
        #expect(name == "session")
        #expect(
            headers[0]
                == "session=\(value); Domain=example.com; Path=/; Expires=Wed, 03 Jan 2024 03:04:05 GMT; Max-Age=86400; Secure; HttpOnly; SameSite=Lax"
        )
        #expect(try cookies.codec.open(value).session == [1, 2, 3])
    }

    @Test("a lifetime per call, browser-session persistence, host-only scope")
    func attributes() throws {
        let cookies = try Fixture.cookies()
        let remember = try cookies.setCookieHeaders(
            for: [], lifetime: .seconds(30 * 24 * 3600), requestHost: "example.com", requestCookieHeaders: [])
        #expect(
            remember[0].hasSuffix(
                "; Domain=example.com; Path=/; Expires=Thu, 01 Feb 2024 03:04:05 GMT; Max-Age=2592000; Secure; HttpOnly; SameSite=Lax"
            ))

        let hostOnly = try Fixture.cookies(
            name: "__Host-session",
            configuration: SessionCookiesConfiguration(
                scope: .hostOnly, sameSite: .strict, persistence: .browserSession))
        let header = try hostOnly.setCookieHeaders(for: [9], requestHost: "10.0.0.1", requestCookieHeaders: [])[0]
        let value = Fixture.nameValue(header).value
        #expect(header == "__Host-session=\(value); Path=/; Secure; HttpOnly; SameSite=Strict")
    }

    @Test("round trip through the Cookie header, with other cookies around it")
    func roundTrip() throws {
        let cookies = try Fixture.cookies()
        let session = Fixture.bytes(500)
        let set = try cookies.setCookieHeaders(for: session, requestHost: "example.com", requestCookieHeaders: [])
        let header = "_ga=GA1.2.3; " + Fixture.cookieHeader(from: set) + ";theme=dark"
        let opened = try #require(try cookies.session(fromCookieHeaders: [header]))
        #expect(opened.session == session)
        #expect(!opened.needsResealing)
        #expect(opened.header.issuedAt == Fixture.now)
    }

    @Test("no session cookie: nil, not an error")
    func noCookie() throws {
        let cookies = try Fixture.cookies()
        #expect(try cookies.session(fromCookieHeaders: []) == nil)
        #expect(try cookies.session(fromCookieHeaders: ["other=1; sessionx=2; session.x=3"]) == nil)
    }

    @Test("a host outside the scope is an error, not an ignored cookie")
    func outsideScope() throws {
        let cookies = try Fixture.cookies()
        #expect(throws: SessionCookieError.hostOutsideScope(host: "example.org", rootDomain: "example.com")) {
            try cookies.setCookieHeaders(for: [], requestHost: "example.org", requestCookieHeaders: [])
        }
        #expect(throws: SessionCookieError.hostOutsideScope(host: "evil-example.com", rootDomain: "example.com")) {
            try cookies.setCookieHeaders(for: [], requestHost: "evil-example.com", requestCookieHeaders: [])
        }
    }

    @Test("configuration errors: __Host- with a root domain, SameSite=None without Secure, limits")
    func configurationErrors() throws {
        let ring = try Fixture.keyRing()
        let root = try CookieScope.rootDomain("example.com")
        #expect(throws: SessionCookieError.invalidCookieAttributes(.hostPrefixForbidsDomain)) {
            try Fixture.cookies(name: "__Host-session", keyRing: ring, configuration: .init(scope: root))
        }
        #expect(throws: SessionCookieError.invalidCookieAttributes(.sameSiteNoneRequiresSecure)) {
            try Fixture.cookies(
                keyRing: ring, configuration: .init(scope: root, secure: false, sameSite: SameSite.none))
        }
        #expect(throws: SessionCookieError.invalidCookieAttributes(.pathNotAbsolute)) {
            try Fixture.cookies(keyRing: ring, configuration: .init(scope: root, path: "app"))
        }
        for count in [0, 33] {
            #expect(
                throws: SessionCookieError.invalidConfiguration(
                    setting: "maxChunkCount", allowed: "from 1 to 32 (is \(count))")
            ) {
                try Fixture.cookies(keyRing: ring, configuration: .init(scope: root, maxChunkCount: count))
            }
        }
        #expect(
            throws: SessionCookieError.invalidConfiguration(setting: "maxOpenAttempts", allowed: "from 1 to 64 (is 0)")
        ) {
            try Fixture.cookies(keyRing: ring, configuration: .init(scope: root, maxOpenAttempts: 0))
        }
        #expect(SessionCookieError.invalidCookieAttributes(.hostPrefixForbidsDomain).isUsageError)
        #expect(!SessionCookieError.missingChunk(index: 1).isUsageError)
    }

    /// Sealed length for a byte session of `count` bytes without compression: a 7-byte header
    /// (a 1440-minute lifetime takes 2 LEB128 bytes), 24-byte nonce, 16-byte tag, base64url.
    static func sealedLength(_ count: Int) -> Int { ((47 + count) * 4 + 2) / 3 }

    @Test("without chunking, the largest session that fits is accepted and the next is refused with sizes")
    func singleCookieBoundary() throws {
        let cookies = try Fixture.cookies()
        // Attributes after the value take 114 bytes, so the value may have 4093 - 8 - 114 = 3971.
        let attributes =
            "; Domain=example.com; Path=/; Expires=Wed, 03 Jan 2024 03:04:05 GMT; Max-Age=86400; Secure; HttpOnly; SameSite=Lax"
        #expect(attributes.utf8.count == 114)
        let largest = (0...4000).last { Self.sealedLength($0) <= 4093 - 8 - 114 }!
        let set = try cookies.setCookieHeaders(
            for: Fixture.bytes(largest), requestHost: "example.com", requestCookieHeaders: [])
        #expect(set.count == 1 && set[0].utf8.count <= 4093 && set[0].utf8.count >= 4092)
        let length = 8 + Self.sealedLength(largest + 1) + 114
        #expect(throws: SessionCookieError.setCookieTooLarge(name: "session", byteCount: length, limit: 4093)) {
            try cookies.setCookieHeaders(
                for: Fixture.bytes(largest + 1), requestHost: "example.com", requestCookieHeaders: [])
        }
    }

    @Test("with only the browser rule, name + value of 4096 is the boundary")
    func browserRuleBoundary() throws {
        let configuration = SessionCookiesConfiguration(
            scope: try .rootDomain("example.com"), budget: CookieBudget(maxSetCookieByteCount: nil))
        let cookies = try Fixture.cookies(configuration: configuration)
        let largest = (0...4000).last { 7 + Self.sealedLength($0) <= 4096 }!
        let set = try cookies.setCookieHeaders(
            for: Fixture.bytes(largest), requestHost: "example.com", requestCookieHeaders: [])
        let (name, value) = Fixture.nameValue(set[0])
        #expect(name.utf8.count + value.utf8.count <= 4096)
        #expect(
            throws: SessionCookieError.cookieTooLarge(
                name: "session", byteCount: 7 + Self.sealedLength(largest + 1), limit: 4096)
        ) {
            try cookies.setCookieHeaders(
                for: Fixture.bytes(largest + 1), requestHost: "example.com", requestCookieHeaders: [])
        }
    }

    static func chunking(maxChunkCount: Int = 3, requestHeaderByteCount: Int = 16_384) throws
        -> SessionCookiesConfiguration
    {
        SessionCookiesConfiguration(
            scope: try .rootDomain("example.com"),
            budget: CookieBudget(requestHeaderByteCount: requestHeaderByteCount), maxChunkCount: maxChunkCount)
    }

    @Test("chunking: split over name, name.1 …, each within budget, reassembled on read")
    func chunkSplitAndReassemble() throws {
        let cookies = try Fixture.cookies(maxValueLength: 16_384, configuration: try Self.chunking())
        let session = Fixture.bytes(7000)
        let set = try cookies.setCookieHeaders(for: session, requestHost: "example.com", requestCookieHeaders: [])
        #expect(set.map { Fixture.nameValue($0).name } == ["session", "session.1", "session.2"])
        #expect(Fixture.nameValue(set[0]).value.hasPrefix("3~"))
        for header in set {
            #expect(header.utf8.count <= 4093)
            #expect(
                header.hasSuffix(
                    "; Domain=example.com; Path=/; Expires=Wed, 03 Jan 2024 03:04:05 GMT; Max-Age=86400; Secure; HttpOnly; SameSite=Lax"
                ))
        }
        // The first cookies are filled to the line limit.
        #expect(set[0].utf8.count == 4093)
        let joined = set.map { Fixture.nameValue($0).value }.joined().dropFirst(2)
        #expect(try cookies.codec.open(String(joined)).session == session)
        let opened = try cookies.session(fromCookieHeaders: [Fixture.cookieHeader(from: set)])
        #expect(opened?.session == session)
        // Order in the header does not matter, and HTTP/2 may split the fields.
        let reversed = set.reversed().map { String($0.prefix { $0 != ";" }) }
        #expect(try cookies.session(fromCookieHeaders: reversed)?.session == session)
    }

    @Test("chunking: a session that fits one cookie stays unchunked")
    func chunkingSmall() throws {
        let cookies = try Fixture.cookies(configuration: try Self.chunking())
        let set = try cookies.setCookieHeaders(
            for: Fixture.bytes(100), requestHost: "example.com", requestCookieHeaders: [])
        #expect(set.count == 1)
        #expect(!Fixture.nameValue(set[0]).value.contains("~"))
    }

    @Test("chunking: missing, malformed and over-limit chunks are typed errors")
    func chunkErrors() throws {
        let cookies = try Fixture.cookies(maxValueLength: 16_384, configuration: try Self.chunking())
        let set = try cookies.setCookieHeaders(
            for: Fixture.bytes(7000), requestHost: "example.com", requestCookieHeaders: [])
        let pairs = set.map { String($0.prefix { $0 != ";" }) }
        let cases: [([String], SessionCookieError)] = [
            ([pairs[0], pairs[2]], .missingChunk(index: 1)),
            ([pairs[0], pairs[1]], .missingChunk(index: 2)),
            ([pairs[1], pairs[2]], .missingChunk(index: 0)),
            // Chunks beyond the announced count are ignored (see PlantedChunkTests).
            (["session=AAAA", "session.1=BBBB"], .unreadable(.malformed, candidateCount: 1)),
            (["session=x~AAAA"], .malformedChunkMarker),
            (["session=1~AAAA"], .malformedChunkMarker),
            (["session=03~AAAA"], .malformedChunkMarker),
            (["session=~AAAA"], .malformedChunkMarker),
            (["session=9~AAAA"], .tooManyChunks(count: 9, limit: 3)),
            (["session=999~AAAA"], .malformedChunkMarker),
        ]
        for (headers, expected) in cases {
            #expect(throws: expected, "\(expected)") { try cookies.session(fromCookieHeaders: headers) }
        }
        // Mixed pieces of two sessions never open: one envelope, one tag.
        let other = try cookies.setCookieHeaders(
            for: Fixture.bytes(7000, seed: 2), requestHost: "example.com", requestCookieHeaders: [])
        let mixed = [pairs[0], String(other[1].prefix { $0 != ";" }), pairs[2]]
        #expect(throws: SessionCookieError.unreadable(.authenticationFailed, candidateCount: 1)) {
            try cookies.session(fromCookieHeaders: mixed)
        }
    }

    @Test("chunking: more chunks than allowed, or over the request budget, is an encode-time error with sizes")
    func chunkLimits() throws {
        let two = try Fixture.cookies(maxValueLength: 16_384, configuration: try Self.chunking(maxChunkCount: 2))
        let session = Fixture.bytes(7000)
        let sealed = Self.sealedLength(7000)
        #expect(
            throws: SessionCookieError.sessionTooLarge(
                sealedLength: sealed, capacity: (4093 - 8 - 114 - 2) + (4093 - 10 - 114), maxChunkCount: 2)
        ) {
            try two.setCookieHeaders(for: session, requestHost: "example.com", requestCookieHeaders: [])
        }
        // Default request budget: 8190 - 2048 for other cookies.
        let defaults = try Fixture.cookies(
            maxValueLength: 16_384,
            configuration: SessionCookiesConfiguration(scope: try .rootDomain("example.com"), maxChunkCount: 3))
        do {
            _ = try defaults.setCookieHeaders(
                for: Fixture.bytes(5000), requestHost: "example.com", requestCookieHeaders: [])
            Issue.record("expected the request budget to be exceeded")
        } catch {
            guard case .requestHeaderTooLarge(let bytes, 2048, 8190) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(bytes == 10 + (7 + 1 + 2 + 2) + (9 + 1 + 2) + Self.sealedLength(5000))
            #expect(error.description.contains("\(bytes)") && error.description.contains("8190"))
        }
    }

    static let deletionAttributes = "; Domain=example.com; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Lax"

    @Test("shrinking deletes the stale chunks the browser still holds, same Domain and Path")
    func staleChunkCleanup() throws {
        let cookies = try Fixture.cookies(maxValueLength: 16_384, configuration: try Self.chunking())
        let big = try cookies.setCookieHeaders(
            for: Fixture.bytes(7000), requestHost: "example.com", requestCookieHeaders: [])
        let request = [Fixture.cookieHeader(from: big) + "; session.x=1; other.1=2"]
        let small = try cookies.setCookieHeaders(
            for: Fixture.bytes(10), requestHost: "example.com", requestCookieHeaders: request)
        #expect(small.count == 3)
        #expect(Fixture.nameValue(small[0]).name == "session")
        #expect(small[1] == "session.1=" + Self.deletionAttributes)
        #expect(small[2] == "session.2=" + Self.deletionAttributes)
        // The browser applies them: the next request carries only the new cookie.
        let next = Fixture.cookieHeader(from: small)
        #expect(try cookies.session(fromCookieHeaders: [next])?.session == Fixture.bytes(10))

        // Shrinking from three chunks to two deletes only the third.
        let medium = try cookies.setCookieHeaders(
            for: Fixture.bytes(4000), requestHost: "example.com", requestCookieHeaders: request)
        #expect(medium.map { Fixture.nameValue($0).name } == ["session", "session.1", "session.2"])
        #expect(medium[2] == "session.2=" + Self.deletionAttributes)
        // An unparseable request header: every chunk that could exist is deleted.
        let huge = String(repeating: "x", count: 20_000)
        let blind = try cookies.setCookieHeaders(
            for: Fixture.bytes(10), requestHost: "example.com", requestCookieHeaders: [huge])
        #expect(blind.dropFirst() == ["session.1=" + Self.deletionAttributes, "session.2=" + Self.deletionAttributes])
    }

    @Test("log-out deletes the base cookie and every chunk present")
    func logOut() throws {
        let cookies = try Fixture.cookies(maxValueLength: 16_384, configuration: try Self.chunking())
        #expect(cookies.deletionHeaders(requestCookieHeaders: []) == ["session=" + Self.deletionAttributes])
        let big = try cookies.setCookieHeaders(
            for: Fixture.bytes(7000), requestHost: "example.com", requestCookieHeaders: [])
        let out = cookies.deletionHeaders(requestCookieHeaders: [Fixture.cookieHeader(from: big)])
        #expect(out == ["session", "session.1", "session.2"].map { $0 + "=" + Self.deletionAttributes })
        #expect(cookies.deletionHeaders(requestCookieHeaders: [String(repeating: "x", count: 20_000)]).count == 3)
        let hostOnly = try Fixture.cookies(
            configuration: SessionCookiesConfiguration(scope: .hostOnly, path: "/app", sameSite: nil, partitioned: true)
        )
        #expect(
            hostOnly.deletionHeaders(requestCookieHeaders: ["session=abc"]) == [
                "session=; Path=/app; Max-Age=0; Secure; HttpOnly; Partitioned"
            ])
    }

    @Test("duplicates: the first candidate that authenticates wins, and failures say why")
    func duplicates() throws {
        let ring = try Fixture.keyRing()
        let cookies = try Fixture.cookies(keyRing: ring)
        let good = Fixture.cookieHeader(
            from: try cookies.setCookieHeaders(for: [7], requestHost: "example.com", requestCookieHeaders: []))
        // A sibling host planted a value sealed with another key, and one that is garbage.
        let attacker = try Fixture.cookies(keyRing: try Fixture.keyRing())
        let planted = Fixture.cookieHeader(
            from: try attacker.setCookieHeaders(for: [6], requestHost: "example.com", requestCookieHeaders: []))
        #expect(try cookies.session(fromCookieHeaders: ["session=garbage; " + planted + "; " + good])?.session == [7])
        #expect(try cookies.session(fromCookieHeaders: [good, planted])?.session == [7])
        #expect(throws: SessionCookieError.unreadable(.authenticationFailed, candidateCount: 1)) {
            try cookies.session(fromCookieHeaders: [planted])
        }
        #expect(throws: SessionCookieError.unreadable(.malformed, candidateCount: 2)) {
            try cookies.session(fromCookieHeaders: ["session=garbage; " + planted])
        }
        // The number of attempts is bounded.
        let many = Array(repeating: planted, count: 20).joined(separator: "; ") + "; " + good
        let bounded = try Fixture.cookies(
            keyRing: ring,
            configuration: SessionCookiesConfiguration(scope: try .rootDomain("example.com"), maxOpenAttempts: 3))
        #expect(throws: SessionCookieError.unreadable(.authenticationFailed, candidateCount: 3)) {
            try bounded.session(fromCookieHeaders: [many])
        }
        #expect(
            try cookies.session(fromCookieHeaders: [
                Array(repeating: planted, count: 7).joined(separator: "; ") + "; " + good
            ])?.session == [7])
    }

    @Test("duplicate chunks: each combination is tried")
    func duplicateChunks() throws {
        let cookies = try Fixture.cookies(maxValueLength: 16_384, configuration: try Self.chunking())
        let set = try cookies.setCookieHeaders(
            for: Fixture.bytes(7000), requestHost: "example.com", requestCookieHeaders: [])
        let pairs = set.map { String($0.prefix { $0 != ";" }) }
        let header = [pairs[0], "session.1=planted", pairs[1], "session.2=planted", pairs[2]]
        #expect(try cookies.session(fromCookieHeaders: header)?.session == Fixture.bytes(7000))
    }

    @Test("a value opened by an older key asks for resealing")
    func needsResealing() throws {
        let old = try SessionKey.generate(id: 1)
        let new = try SessionKey.generate(id: 2)
        let before = try Fixture.cookies(keyRing: try KeyRing(primary: old))
        let after = try Fixture.cookies(keyRing: try KeyRing(primary: new, older: [old]))
        let header = Fixture.cookieHeader(
            from: try before.setCookieHeaders(for: [1], requestHost: "example.com", requestCookieHeaders: []))
        let opened = try #require(try after.session(fromCookieHeaders: [header]))
        #expect(opened.needsResealing && opened.session == [1])
        let resealed = Fixture.cookieHeader(
            from: try after.setCookieHeaders(
                for: opened.session, requestHost: "example.com", requestCookieHeaders: [header]))
        #expect(try after.session(fromCookieHeaders: [resealed])?.needsResealing == false)
    }

    @Test("reading errors: expired values, header limits, a value sealed for another cookie name")
    func readingErrors() throws {
        let ring = try Fixture.keyRing()
        let cookies = try Fixture.cookies(keyRing: ring)
        let header = Fixture.cookieHeader(
            from: try cookies.setCookieHeaders(for: [1], requestHost: "example.com", requestCookieHeaders: []))
        let later = try Fixture.cookies(keyRing: ring, clock: { Fixture.now.addingTimeInterval(2 * 86400) })
        #expect(
            throws: SessionCookieError.unreadable(
                .expired(at: Fixture.now.addingTimeInterval(86400)), candidateCount: 1)
        ) {
            try later.session(fromCookieHeaders: [header])
        }
        #expect(throws: SessionCookieError.cookieHeaderTooLong(length: 20_000, limit: 16_384)) {
            try cookies.session(fromCookieHeaders: [String(repeating: "x", count: 20_000)])
        }
        let renamed = try Fixture.cookies(name: "other", keyRing: ring)
        #expect(throws: SessionCookieError.unreadable(.authenticationFailed, candidateCount: 1)) {
            try renamed.session(fromCookieHeaders: [header.replacingOccurrences(of: "session=", with: "other=")])
        }
        // Descriptions never contain the value.
        let value = Fixture.nameValue(header).value
        for error in [SessionCookieError.unreadable(.authenticationFailed, candidateCount: 2), .missingChunk(index: 1)]
        {
            #expect(!error.description.contains(value) && !error.description.isEmpty)
        }
    }
}
