import Foundation
import Testing

@testable import SealedCookie

@Suite struct XChaCha20Poly1305Tests {
    /// draft-irtf-cfrg-xchacha-03, appendix A.3.1.
    @Test func matchesTheCFRGDraftVector() throws {
        func hex(_ text: String) -> [UInt8] {
            var bytes: [UInt8] = []
            var index = text.startIndex
            while index < text.endIndex {
                let next = text.index(index, offsetBy: 2)
                bytes.append(UInt8(text[index..<next], radix: 16) ?? 0)
                index = next
            }
            return bytes
        }
        let plaintext = Array(
            "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it."
                .utf8)
        let aad = hex("50515253c0c1c2c3c4c5c6c7")
        let key = try #require(
            SecureBuffer(count: 32) {
                $0.copyBytes(from: (0x80...0x9F).map { UInt8($0) })
                return true
            })
        let nonce = (0x40...0x57).map { UInt8($0) }
        let expected = hex(
            "bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb731c7f1b0b4aa6440bf3a82f4eda7e39ae64c6708c54c216cb96b72e1213b4522f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff921f9664c97637da9768812f615c68b13b52e"
                + "c0875924c1c7987947deafd8780acf49")
        var output = [UInt8](repeating: 0, count: plaintext.count + 16)
        plaintext.withUnsafeBytes { plain in
            aad.withUnsafeBytes { aadBytes in
                nonce.withUnsafeBytes { nonceBytes in
                    output.withUnsafeMutableBytes { out in
                        XChaCha20Poly1305.seal(plain, authenticating: aadBytes, nonce: nonceBytes, key: key, into: out)
                    }
                }
            }
        }
        #expect(output == expected)
    }
}
