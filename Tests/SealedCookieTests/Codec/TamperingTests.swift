import Foundation
import SealedCookieTestSupport
import Testing

@testable import SealedCookie

@Suite struct TamperingTests {
    let ring: KeyRing
    let codec: SessionCodec<[UInt8]>
    let value: String
    let bytes: [UInt8]

    init() throws {
        ring = try KeyRing(primary: Fixture.sequentialKey(id: 1))
        codec = try Fixture.bytesCodec(ring: ring)
        value = try codec.seal(Fixture.corpus("small"))
        bytes = try #require(Base64URL.decode(value))
    }

    /// The reasons a flip at `byteIndex`, `bit` may legitimately give.
    func expectedReasons(
        byteIndex: Int, bit: Int, header: EnvelopeHeader, first: UInt8? = nil
    ) -> (SessionCodecError) -> Bool {
        let first = first ?? bytes[0]
        switch byteIndex {
        case 0 where bit >= 6:
            // Version 3 turns into 2 or 1, which still parse: the other spelling of the header
            // is then refused by its checks or by the tag, which authenticates the header.
            let version = first >> 6 ^ UInt8(1 << (bit - 6))
            guard version == 0 else {
                return {
                    [.authenticationFailed, .malformed].contains($0) || Self.isTimeError($0)
                        || Self.isDictionaryError($0)
                }
            }
            return { $0 == .unsupportedVersion(version) }
        case 0 where bit >= 4:
            // The compression: reserved (malformed), another kind (the tag), or zstd with a
            // dictionary this codec does not have.
            return { [.malformed, .authenticationFailed].contains($0) || Self.isDictionaryError($0) }
        case 0:
            return { $0 == .unknownKeyID(header.keyID ^ UInt8(1 << bit)) }
        case 1..<header.byteCount:
            // Issue time, lifetime and flags, dictionary id, session start: far time moves fail
            // the time checks, bad spellings are malformed, the rest fails the tag.
            return {
                [.authenticationFailed, .malformed].contains($0) || Self.isTimeError($0) || Self.isDictionaryError($0)
            }
        default:
            return { $0 == .authenticationFailed }
        }
    }

    static func isDictionaryError(_ error: SessionCodecError) -> Bool {
        if case .unknownDictionaryID = error { return true }
        return false
    }

    static func isTimeError(_ error: SessionCodecError) -> Bool {
        if case .expired = error { return true }
        if case .notYetValid = error { return true }
        if case .sessionTooOld = error { return true }
        return false
    }

    @Test func everySingleBitFlipIsRejected() throws {
        let header = try EnvelopeHeader(sealedValue: value)
        #expect(header.lifetimeMinutes == 60)
        for byteIndex in bytes.indices {
            for bit in 0..<8 {
                var tampered = bytes
                tampered[byteIndex] ^= UInt8(1 << bit)
                let error = codecError { try codec.open(Base64URL.encode(tampered)).session }
                let accepted = expectedReasons(byteIndex: byteIndex, bit: bit, header: header)
                #expect(error.map(accepted) == true, "byte \(byteIndex) bit \(bit): \(String(describing: error))")
            }
        }
    }

    struct RichSession: Codable, Sendable, Equatable {
        var user: String
        @SessionSecret var token: String
    }

    /// A value with every optional header field and payload part: zstd with a dictionary, a
    /// session start, a secret section and size-class padding.
    @Test func everySingleBitFlipOfAValueWithEveryPartIsRejected() throws {
        let codec = try SessionCodec<RichSession>(
            configuration: SessionCodecConfiguration(
                cookieName: "session", keyRing: ring, maxSessionAge: .seconds(86400),
                compression: Fixture.zstd(Fixture.dictionary(id: 5)), padding: .sizeClasses,
                clock: Fixture.clock(Fixture.now)))
        let rich = try codec.seal(
            RichSession(user: "usr_7f3k29xqhm2", token: "q7ZsK2vN9xR4tW1mB8cF3hJ6pL0dG5yE"),
            sessionStartedAt: Date(timeIntervalSince1970: Fixture.now - 600))
        let header = try EnvelopeHeader(sealedValue: rich)
        #expect(header.compression == .zstd(dictionaryID: 5) && header.hasSecretSection && header.isPadded)
        #expect(header.sessionAgeSeconds == 600 && header.byteCount == 10)
        let richBytes = try #require(Base64URL.decode(rich))
        for byteIndex in richBytes.indices {
            for bit in 0..<8 {
                var tampered = richBytes
                tampered[byteIndex] ^= UInt8(1 << bit)
                let error = codecError { try codec.open(Base64URL.encode(tampered)).session }
                let accepted = expectedReasons(byteIndex: byteIndex, bit: bit, header: header, first: richBytes[0])
                #expect(error.map(accepted) == true, "byte \(byteIndex) bit \(bit): \(String(describing: error))")
            }
        }
    }

    @Test func everyTruncationIsRejected() {
        for length in 0..<value.utf8.count {
            let truncated = String(value.prefix(length))
            let error = codecError { try codec.open(truncated).session }
            #expect(
                error == .malformed || error == .authenticationFailed, "length \(length): \(String(describing: error))")
        }
    }

    @Test func appendedBytesAndCharactersAreRejected() {
        for extra in [[0x00], [0x41], [0x00, 0x00, 0x00], Array(repeating: 0xFF, count: 16)] as [[UInt8]] {
            #expect(codecError { try codec.open(Base64URL.encode(bytes + extra)).session } == .authenticationFailed)
        }
        for suffix in ["A", "AA", "AAAA", "=", "==", " ", ";", "\n"] {
            let error = codecError { try codec.open(value + suffix).session }
            #expect(error == .malformed || error == .authenticationFailed, "suffix \(suffix.debugDescription)")
        }
    }

    @Test func otherCookieNameOrPurposeIsRejected() throws {
        let sample = try Fixture.corpus("tiny")
        let sealed = try codec.seal(sample)
        #expect(
            codecError { try Fixture.bytesCodec(ring: ring, name: "session2").open(sealed).session }
                == .authenticationFailed)
        #expect(
            codecError { try Fixture.bytesCodec(ring: ring, name: "Session").open(sealed).session }
                == .authenticationFailed)
        #expect(
            codecError { try Fixture.bytesCodec(ring: ring, purpose: "csrf").open(sealed).session }
                == .authenticationFailed)
        // Name and purpose are length-separated: moving a byte between them changes the AAD.
        let shifted = try Fixture.bytesCodec(ring: ring, name: "sessio", purpose: "nsession")
        #expect(codecError { try shifted.open(sealed).session } == .authenticationFailed)
        #expect(try Fixture.bytesCodec(ring: ring).open(sealed).session == sample)
    }

    @Test func otherKeyWithSameIDIsRejected() throws {
        let impostor = try KeyRing(primary: SessionKey.generate(id: 1))
        #expect(codecError { try Fixture.bytesCodec(ring: impostor).open(value) } == .authenticationFailed)
    }

    @Test func randomGarbageNeverOpens() {
        var generator = SeededGenerator.forTest()
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        for length in 0..<700 {
            let text = String((0..<length).map { _ in alphabet[Int.random(in: 0..<64, using: &generator)] })
            #expect(codecError { try codec.open(text).session } != nil, "alphabet garbage of length \(length)")
            let scalars = (0..<length).map { _ in Character(UnicodeScalar(UInt8.random(in: 0...255, using: &generator)))
            }
            #expect(codecError { try codec.open(String(scalars)).session } != nil, "byte garbage of length \(length)")
        }
        #expect(
            codecError { try codec.open(String(repeating: "A", count: 100_000)).session }
                == .valueTooLarge(length: 100_000, limit: 8192))
    }

    @Test func validHeaderWithGarbageBodyFailsAuthentication() throws {
        var generator = SeededGenerator.forTest()
        let headerByteCount = try bytes.withUnsafeBytesTyped { raw throws(SessionCodecError) in
            try EnvelopeHeader.parse(raw).byteCount
        }
        var forged = Array(bytes[..<headerByteCount])
        forged += (0..<200).map { _ in UInt8.random(in: 0...255, using: &generator) }
        #expect(codecError { try codec.open(Base64URL.encode(forged)).session } == .authenticationFailed)
    }
}
