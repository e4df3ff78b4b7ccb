import Foundation
import SealedCookieTestSupport
import Testing

@testable import SealedCookie

@Suite("Base64URL")
struct Base64URLTests {
    /// Foundation's base64, in the URL alphabet without padding.
    func reference(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    @Test("encodes as Foundation does and decodes back, for every length up to 100")
    func roundTrip() {
        var generator = SeededGenerator.forTest()
        for length in 0...100 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let text = Base64URL.encode(bytes)
            #expect(text == reference(bytes))
            #expect(Base64URL.decode(text) == bytes)
            #expect(Base64URL.decode(Substring(text).utf8) == bytes)
        }
    }

    @Test("encodes the RFC 4648 vectors without padding")
    func rfc4648Vectors() {
        let vectors = [
            "": "", "f": "Zg", "fo": "Zm8", "foo": "Zm9v", "foob": "Zm9vYg", "fooba": "Zm9vYmE", "foobar": "Zm9vYmFy",
        ]
        for (plain, encoded) in vectors {
            #expect(Base64URL.encode(Array(plain.utf8)) == encoded)
            #expect(Base64URL.decode(encoded) == Array(plain.utf8))
        }
        #expect(Base64URL.encode([0xFB, 0xFF, 0xBF]) == "-_-_")
    }

    @Test(
        "rejects what is not canonical unpadded base64url",
        arguments: [
            "A", "AAAAA", "AB", "ABC", "AA==", "AA+A", "AA/A", "AA A", "AA\nA", "AAA=", "ÄAAA", "AAAA*AAA", "Zh", "Zm9",
            "Zm9v\u{00E9}", " Zg",
        ])
    func rejects(text: String) {
        // "AB" and "ABC" leave non-zero bits in their last character.
        #expect(Base64URL.decode(text) == nil)
    }
}
