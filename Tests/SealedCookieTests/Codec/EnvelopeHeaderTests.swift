import Foundation
import Testing

@testable import SealedCookie

/// The version 3 header field by field (and version 2's session age in minutes), and every
/// malformed spelling of them.
@Suite struct EnvelopeHeaderTests {
    static let headers: [EnvelopeHeader] = [
        EnvelopeHeader(compression: .none, isPadded: false, keyID: 0, issuedAtSeconds: 0, lifetimeMinutes: 1),
        EnvelopeHeader(compression: .deflate, isPadded: true, keyID: 15, issuedAtSeconds: .max, lifetimeMinutes: 1440),
        EnvelopeHeader(
            compression: .zstd(dictionaryID: 255), isPadded: true, hasSecretSection: true, keyID: 7,
            issuedAtSeconds: 1_795_478_400, lifetimeMinutes: EnvelopeHeader.maxLifetimeMinutes,
            sessionAgeSeconds: EnvelopeHeader.maxSessionAgeSeconds),
        EnvelopeHeader(
            compression: .zstd(dictionaryID: 0), isPadded: false, hasSecretSection: true, keyID: 1,
            issuedAtSeconds: 1, lifetimeMinutes: 15, sessionAgeSeconds: 1),
        EnvelopeHeader(
            compression: .zstdBuiltIn(dictionaryID: 1), isPadded: false, keyID: 3, issuedAtSeconds: 1_795_478_400,
            lifetimeMinutes: 1440, sessionAgeSeconds: 90),
        EnvelopeHeader(
            compression: .zstdBuiltIn(dictionaryID: 255), isPadded: true, hasSecretSection: true, keyID: 0,
            issuedAtSeconds: 0, lifetimeMinutes: 1),
    ]

    /// Compression 11 in version 3 is zstd with a built-in dictionary, its id in the same byte
    /// as an application's: the two kinds never read as each other.
    @Test func builtInDictionaryIsCompression11() throws {
        let builtIn = EnvelopeHeader(
            compression: .zstdBuiltIn(dictionaryID: 1), isPadded: false, keyID: 1, issuedAtSeconds: 0,
            lifetimeMinutes: 1440)
        let application = EnvelopeHeader(
            compression: .zstd(dictionaryID: 1), isPadded: false, keyID: 1, issuedAtSeconds: 0, lifetimeMinutes: 1440)
        #expect(builtIn.encoded() == [0xF1, 0, 0, 0, 0, 0x80, 0x5A, 0x01])
        #expect(application.encoded() == [0xE1, 0, 0, 0, 0, 0x80, 0x5A, 0x01])
        #expect(builtIn.byteCount == 8)
    }

    @Test(arguments: headers.indices)
    func encodedHeaderParsesBack(index: Int) throws {
        let header = Self.headers[index]
        let bytes = header.encoded()
        #expect(bytes.count == header.byteCount)
        let (parsed, count) = try (bytes + [9, 9]).withUnsafeBytesTyped { raw throws(SessionCodecError) in
            try EnvelopeHeader.parse(raw)
        }
        #expect(parsed == header)
        #expect(count == bytes.count)
    }

    @Test func defaultLifetimeHeaderIsAsSmallAsVersion1() {
        // One day: v1 spent 7 bytes on it, and v2 still does, flags included.
        let header = EnvelopeHeader(
            compression: .deflate, isPadded: true, hasSecretSection: true, keyID: 1, issuedAtSeconds: 0,
            lifetimeMinutes: 1440)
        #expect(header.byteCount == 7)
        #expect(
            EnvelopeHeader(
                compression: .zstd(dictionaryID: 1), isPadded: false, keyID: 1, issuedAtSeconds: 0,
                lifetimeMinutes: 1440
            ).byteCount == 8)
    }

    static let malformed: [(String, [UInt8])] = [
        ("v2 reserved compression 11", [0xB1, 0, 0, 0, 0, 0x08, 0x01]),
        ("lifetime 0", [0x81, 0, 0, 0, 0, 0x07]),
        ("lifetime over 400 days", [0x81, 0, 0, 0, 0] + leb(UInt64(EnvelopeHeader.maxLifetimeMinutes + 1) << 3)),
        ("non-canonical lifetime", [0x81, 0, 0, 0, 0, 0x88, 0x00]),
        ("lifetime field of 5 bytes", [0x81, 0, 0, 0, 0, 0x88, 0x80, 0x80, 0x80, 0x00]),
        ("zstd without its dictionary byte", [0xA1, 0, 0, 0, 0, 0x08]),
        ("v3 built-in zstd without its dictionary byte", [0xF1, 0, 0, 0, 0, 0x08]),
        ("start flagged but absent", [0x81, 0, 0, 0, 0, 0x0A]),
        ("start of 0 minutes", [0x81, 0, 0, 0, 0, 0x0A, 0x00]),
        ("start over 400 days", [0x81, 0, 0, 0, 0, 0x0A] + leb(UInt64(EnvelopeHeader.maxLifetimeMinutes) + 1)),
        ("too short", [0x81, 0, 0, 0, 0]),
        ("v3 start flagged but absent", [0xC1, 0, 0, 0, 0, 0x0A]),
        ("v3 start of 0 seconds", [0xC1, 0, 0, 0, 0, 0x0A, 0x00]),
        ("v3 start over 400 days", [0xC1, 0, 0, 0, 0, 0x0A] + leb(UInt64(EnvelopeHeader.maxSessionAgeSeconds) + 1)),
        ("v3 non-canonical start", [0xC1, 0, 0, 0, 0, 0x0A, 0x81, 0x00]),
        ("v3 start field of 5 bytes", [0xC1, 0, 0, 0, 0, 0x0A, 0x80, 0x80, 0x80, 0x80, 0x01]),
        ("v2 start field of 4 bytes", [0x81, 0, 0, 0, 0, 0x0A, 0x80, 0x80, 0x80, 0x01]),
    ]

    /// Version 2 counted the session age in minutes: still read, as whole minutes.
    @Test func version2SessionAgeIsReadInMinutes() throws {
        let bytes: [UInt8] = [0x81, 0, 0, 0x0E, 0x10, 0x0A, 0x05]
        let (header, count) = try bytes.withUnsafeBytesTyped { raw throws(SessionCodecError) in
            try EnvelopeHeader.parse(raw)
        }
        #expect(count == bytes.count && header.version == 2 && header.sessionAgeSeconds == 300)
        #expect(header.sessionStartedAt == Date(timeIntervalSince1970: 3600 - 300))
        #expect(header.byteCount == bytes.count)
    }

    static func leb(_ value: UInt64) -> [UInt8] {
        var bytes: [UInt8] = []
        LEB128.encode(value, into: &bytes)
        return bytes
    }

    @Test(arguments: malformed.indices)
    func malformedHeadersAreRefused(index: Int) {
        let (name, bytes) = Self.malformed[index]
        let error = codecError {
            try bytes.withUnsafeBytesTyped { raw throws(SessionCodecError) in try EnvelopeHeader.parse(raw) }
        }
        #expect(error == .malformed, "\(name)")
    }

    @Test func unknownVersionsAreRefusedByNumber() {
        for first: UInt8 in [0x01, 0x3F] {
            let error = codecError {
                try [first, 0, 0, 0, 0, 0x08].withUnsafeBytesTyped { raw throws(SessionCodecError) in
                    try EnvelopeHeader.parse(raw)
                }
            }
            #expect(error == .unsupportedVersion(first >> 6))
        }
    }
}
