import Foundation
import Testing
@testable import SealedCookie

@Suite struct LEB128Tests {
    @Test func encodesAndDecodesCanonicalForms() {
        for value: UInt64 in [0, 1, 127, 128, 300, 16383, 16384, 576_000, 2_097_151] {
            var bytes: [UInt8] = []
            LEB128.encode(value, into: &bytes)
            #expect(bytes.count == LEB128.encodedCount(of: value))
            let decoded = bytes.withUnsafeBytes { LEB128.decode($0, at: 0, maxBytes: 3) }
            #expect(decoded?.value == value && decoded?.next == bytes.count)
        }
    }

    @Test func rejectsTruncatedOverlongAndNonCanonical() {
        for bytes: [UInt8] in [[], [0x80], [0x80, 0x00], [0xFF, 0x80, 0x00], [0x80, 0x80, 0x80, 0x01]] {
            #expect(bytes.withUnsafeBytes { LEB128.decode($0, at: 0, maxBytes: 3) } == nil, "\(bytes)")
        }
    }
}

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
        let plaintext = Array("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.".utf8)
        let aad = hex("50515253c0c1c2c3c4c5c6c7")
        let key = try #require(SecureBuffer(count: 32) { $0.copyBytes(from: (0x80...0x9F).map { UInt8($0) }); return true })
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

@Suite struct ConfigurationTests {
    @Test func outOfRangeValuesAreRejectedWithTheirName() throws {
        let ring = try KeyRing(primary: Fixture.sequentialKey())
        func error(_ change: (inout SessionCodecConfiguration) -> Void) -> SessionCodecError? {
            var configuration = SessionCodecConfiguration(cookieName: "s", keyRing: ring)
            change(&configuration)
            return codecError { try SessionCodec<[UInt8]>(configuration: configuration, serializer: BytesSerializer()) }
        }
        #expect(error { _ in } == nil)
        let cases: [(String, (inout SessionCodecConfiguration) -> Void)] = [
            ("cookieName", { $0.cookieName = "" }),
            ("lifetime", { $0.lifetime = .seconds(90) }),
            ("lifetime", { $0.lifetime = .seconds(401 * 86400) }),
            ("lifetime", { $0.lifetime = .zero }),
            ("clockSkew", { $0.clockSkew = .milliseconds(1500) }),
            ("clockSkew", { $0.clockSkew = .seconds(3601) }),
            ("padding", { $0.padding = .block(0) }),
            ("padding", { $0.padding = .block(1025) }),
            ("maxSessionAge", { $0.maxSessionAge = .seconds(59) }),
            ("maxSessionAge", { $0.maxSessionAge = .seconds(401 * 86400) }),
            ("maxDecompressedBytes", { $0.maxDecompressedBytes = 0 }),
            ("maxValueLength", { $0.maxValueLength = 63 }),
            ("compression", { $0.compression = .deflate(minimumSize: 10, level: 10) }),
            ("compression", { $0.compression = .deflate(minimumSize: -1, level: 6) }),
        ]
        for (name, change) in cases {
            guard case .invalidConfiguration(let setting, _) = error(change) else {
                Issue.record("\(name) was accepted")
                continue
            }
            #expect(setting == name)
        }
    }

    @Test func errorDescriptionsAreReadableAndClassified() {
        #expect(SessionCodecError.expired(at: Date(timeIntervalSince1970: 0)).description.contains("1970-01-01T00:00:00Z"))
        #expect(SessionCodecError.sealedValueTooLarge(length: 5000, limit: 4096).description.contains("5000"))
        #expect(SessionCodecError.sealedValueTooLarge(length: 5000, limit: 4096).isUsageError)
        #expect(!SessionCodecError.authenticationFailed.isUsageError)
        #expect(!SessionCodecError.malformed.isUsageError)
    }

    @Test func deserializationFailureNamesThePathNotTheContents() throws {
        struct Wanted: Codable, Sendable { var count: Int }
        struct Secret: Codable, Sendable { var count: String }
        let ring = try KeyRing(primary: Fixture.sequentialKey())
        let configuration = SessionCodecConfiguration(cookieName: "s", keyRing: ring)
        let value = try SessionCodec<Secret>(configuration: configuration).seal(Secret(count: "hunter2"))
        let error = codecError { try SessionCodec<Wanted>(configuration: configuration).open(value) }
        #expect(error == .deserializationFailed(reason: "type mismatch at count"))
        #expect(error?.description.contains("hunter2") == false)
    }
}
