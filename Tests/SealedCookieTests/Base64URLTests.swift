import Foundation
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
        var generator = SystemRandomNumberGenerator()
        for length in 0...100 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let text = Base64URL.encode(bytes)
            #expect(text == reference(bytes))
            #expect(Base64URL.decode(text) == bytes)
            #expect(Base64URL.decode(Substring(text).utf8) == bytes)
        }
    }

    @Test("rejects what is not canonical unpadded base64url", arguments: [
        "A", "AAAAA", "AB", "ABC", "AA==", "AA+A", "AA/A", "AA A", "AA\nA", "AAA=", "ÄAAA", "AAAA*AAA",
    ])
    func rejects(text: String) {
        // "AB" and "ABC" leave non-zero bits in their last character.
        #expect(Base64URL.decode(text) == nil)
    }
}
