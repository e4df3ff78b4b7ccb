import Testing

@testable import SealedCookie

@Suite("Domain names and Punycode")
struct DomainNameTests {
    @Test(
        "RFC 3492 and IDNA examples",
        arguments: [
            ("bücher", "bcher-kva"),
            ("münchen", "mnchen-3ya"),
            ("食狮", "85x722f"),
            ("公司", "55qx5d"),
            ("中国", "fiqs8s"),
            ("ليهمابتكلموشعربي؟", "egbpdaj6bu4bxfgehfvwxn"),
            ("他们为什么不说中文", "ihqwcrb4cv8a8dqg056pqjye"),
            ("3年B組金八先生", "3B-ww4c5e180e575a65lsy2b"),
        ])
    func punycode(unicode: String, encoded: String) throws {
        #expect(Punycode.encode(Array(unicode.unicodeScalars)) == encoded)
        let decoded = try #require(Punycode.decode(Substring(encoded).utf8))
        #expect(String(String.UnicodeScalarView(decoded)) == unicode)
    }

    @Test("an encoding longer than a label is refused, so whatever encodes also decodes")
    func encodingPastALabelIsRefused() throws {
        // 20 scalars far from ASCII: 79 bytes of Punycode (Python's codec agrees), over the 63 of a label.
        let far = try (0..<20).map { index in try #require(Unicode.Scalar(0x10_FFFF - index * 9973)) }
        #expect(Punycode.encode(far) == nil)
        let near = Array("bücher".unicodeScalars)
        let encoded = try #require(Punycode.encode(near))
        #expect(Punycode.decode(Substring(encoded).utf8) == near)
    }

    @Test(
        "invalid Punycode is refused",
        arguments: ["9999999999999", "-", "b-a!", "zzzzzzzzzzzzzzzz!", String(repeating: "a", count: 64)])
    func invalidPunycode(text: String) {
        #expect(Punycode.decode(Substring(text).utf8) == nil)
    }

    @Test("normalisation")
    func normalisation() throws {
        #expect(try DomainName("Example.COM", allowingLeadingDot: false).text == "example.com")
        #expect(try DomainName(".example.com", allowingLeadingDot: true).text == "example.com")
        #expect(try DomainName("xn--bcher-kva.example", allowingLeadingDot: false).text == "xn--bcher-kva.example")
        #expect(try DomainName("XN--BCHER-KVA.example", allowingLeadingDot: false).text == "xn--bcher-kva.example")
        #expect(try DomainName("my_host.example.com", allowingLeadingDot: false).text == "my_host.example.com")
        #expect(try DomainName("1.example.com", allowingLeadingDot: false).text == "1.example.com")
        let longest =
            Array(repeating: String(repeating: "a", count: 63), count: 3).joined(separator: ".") + "."
            + String(repeating: "b", count: 61)
        #expect(longest.utf8.count == 253)
        #expect(try DomainName(longest, allowingLeadingDot: false).text == longest)
    }

    @Test("rejections")
    func rejections() {
        let cases: [(String, DomainNameError)] = [
            ("", .empty),
            (".", .emptyLabel),
            (".example.com", .emptyLabel),
            ("example.com.", .emptyLabel),
            ("a..example.com", .emptyLabel),
            (String(repeating: "a.", count: 126) + "ab", .tooLong(length: 254)),
            (String(repeating: "a", count: 64) + ".com", .labelTooLong(length: 64)),
            ("exa mple.com", .invalidCharacter("0x20")),
            ("exa*mple.com", .invalidCharacter("'*'")),
            ("-example.com", .hyphenAtLabelEdge),
            ("example-.com", .hyphenAtLabelEdge),
            ("bücher.example", .notASCII),
            ("食狮.com.cn", .notASCII),
            ("xn--abc-.example", .hyphenAtLabelEdge),
            ("xn--zz.example", .invalidALabel("xn--zz")),
            ("xn--99999999999999.example", .invalidALabel("xn--99999999999999")),  // overflows
            ("127.0.0.1", .ipAddress),
            ("0x7f.1", .ipAddress),
            ("example.123", .ipAddress),
            ("::1", .ipAddress),
            ("example.com:443", .invalidCharacter("':'")),
            ("[::1]", .ipAddress),
        ]
        for (text, expected) in cases {
            #expect(throws: expected, "\(text)") { try DomainName(text, allowingLeadingDot: false) }
        }
    }
}
