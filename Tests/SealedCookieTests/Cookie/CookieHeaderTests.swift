import Testing

@testable import SealedCookie

@Suite("CookieHeader")
struct CookieHeaderTests {
    typealias Pair = CookieHeader.Pair

    static func pairs(_ list: [(String, String)]) -> [Pair] {
        list.map { Pair(name: $0.0, value: $0.1) }
    }

    @Test(
        "RFC 6265, lenient forms and odd real-world headers",
        arguments: [
            // RFC 6265 section 3.1 examples.
            ("SID=31d4d96e407aad42", [("SID", "31d4d96e407aad42")]),
            ("SID=31d4d96e407aad42; lang=en-US", [("SID", "31d4d96e407aad42"), ("lang", "en-US")]),
            // Missing space, stray semicolons, whitespace and tabs.
            ("a=1;b=2", [("a", "1"), ("b", "2")]),
            (";;a=1;; ;b=2;", [("a", "1"), ("b", "2")]),
            ("  a = 1 \t;\tb=2  ", [("a", "1"), ("b", "2")]),
            ("", []),
            ("; ;", []),
            // Quoted and empty values.
            ("a=\"xyz\"; b=\"\"; c=\"; d=\"x", [("a", "xyz"), ("b", ""), ("c", "\""), ("d", "\"x")]),
            ("a=; b=", [("a", ""), ("b", "")]),
            ("a=b=c", [("a", "b=c")]),
            ("=v", [("", "v")]),
            ("flag; a=1", [("", "flag"), ("a", "1")]),
            // Duplicates and case are kept as sent.
            ("s=1; S=2; s=3", [("s", "1"), ("S", "2"), ("s", "3")]),
            // Real-world values outside the cookie-octet grammar are passed through.
            (
                "_ga=GA1.2.1234567890.1600000000; prefs={\"theme\":\"dark\",\"n\":1}; last=Wed, 09 Jun 2021 10:18:14 GMT",
                [
                    ("_ga", "GA1.2.1234567890.1600000000"), ("prefs", "{\"theme\":\"dark\",\"n\":1}"),
                    ("last", "Wed, 09 Jun 2021 10:18:14 GMT"),
                ]
            ),
            (
                "__utmz=1.2.3.utmcsr=(direct)|utmccn=(none); name=café",
                [("__utmz", "1.2.3.utmcsr=(direct)|utmccn=(none)"), ("name", "café")]
            ),
        ] as [(String, [(String, String)])])
    func parse(header: String, expected: [(String, String)]) throws {
        #expect(try CookieHeader(parsing: header).pairs == Self.pairs(expected))
    }

    @Test("several Cookie fields are read in order, duplicates kept")
    func severalFields() throws {
        let header = try CookieHeader(parsing: ["s=1; t=2", "s=3", "", "u=4; s=5"])
        #expect(header.values(named: "s") == ["1", "3", "5"])
        #expect(header.firstValue(named: "s") == "1")
        #expect(header.firstValue(named: "S") == nil)
        #expect(header.values(named: "missing").isEmpty)
        #expect(header.pairs.map(\.name) == ["s", "t", "s", "u", "s"])
    }

    @Test("the length limit is checked first, inclusive, across all fields")
    func lengthLimit() throws {
        let limits = CookieHeader.Limits(maxByteCount: 10, maxPairCount: 100)
        #expect(try CookieHeader(parsing: ["a=1234567", "8"], limits: limits).pairs.count == 2)  // 10 bytes
        #expect(throws: CookieHeaderError.headerTooLong(length: 11, limit: 10)) {
            try CookieHeader(parsing: ["a=1234567", "89"], limits: limits)
        }
        let huge = String(repeating: "x", count: 20_000)
        #expect(throws: CookieHeaderError.headerTooLong(length: 20_000, limit: 16_384)) {
            try CookieHeader(parsing: huge)
        }
    }

    @Test("the pair limit is inclusive and empty pieces do not count")
    func pairLimit() throws {
        let limits = CookieHeader.Limits(maxByteCount: 1000, maxPairCount: 3)
        #expect(try CookieHeader(parsing: "a=1;;; b=2; ;c=3;", limits: limits).pairs.count == 3)
        #expect(throws: CookieHeaderError.tooManyPairs(limit: 3)) {
            try CookieHeader(parsing: "a=1; b=2; c=3; d=4", limits: limits)
        }
        let many = Array(repeating: "a=1", count: 257).joined(separator: ";")
        #expect(throws: CookieHeaderError.tooManyPairs(limit: 256)) { try CookieHeader(parsing: many) }
    }

    @Test("descriptions state sizes and limits")
    func descriptions() {
        #expect(
            SessionCookieError(CookieHeaderError.headerTooLong(length: 11, limit: 10)).description.contains(
                "11 bytes, over the limit of 10"))
        #expect(
            SessionCookieError(CookieHeaderError.tooManyPairs(limit: 3)).description.contains("more than 3 cookies"))
    }
}
