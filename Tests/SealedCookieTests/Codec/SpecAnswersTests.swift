import CZstd
import Foundation
import Testing

@testable import SealedCookie

/// SPEC.md's answers to what an implementation from the SPEC alone had to guess (sections 3.3,
/// 3.4, 6.2, 6.3, 6.4, 7 and 11.5), each on a value built byte by byte from the SPEC's text.
@Suite struct SpecAnswersTests {
    static let issuedAt: [UInt8] = [0x6B, 0x04, 0xD3, 0x80]
    static let body = Array(#"{"user_id":"usr_7f3k29xqhm2","roles":["customer"],"mfa":false}"#.utf8)

    static func codec(
        compression: SessionCodecConfiguration.Compression = .disabled, purpose: String = "session"
    ) throws -> SessionCodec<[UInt8]> {
        var codec = try SessionCodec(
            configuration: SessionCodecConfiguration(
                cookieName: "session", keyRing: KeyRing(primary: Fixture.sequentialKey()), purpose: purpose,
                lifetime: .seconds(3600), compression: compression, clock: Fixture.clock(Fixture.now)),
            serializer: BytesSerializer())
        codec.fillNonce = Fixture.sequentialNonce
        return codec
    }

    /// `header || nonce || XChaCha20-Poly1305(plaintext, aad)` in base64url, from the primitives
    /// alone, with the AAD of section 5 for cookie `session` and `purpose` (no dictionary).
    static func seal(header: [UInt8], plaintext: [UInt8], purpose: String = "session") throws -> String {
        let key = try Fixture.sequentialKey()
        let nonce = (0..<24).map { UInt8($0) }
        let aad = header + [7] + Array("session".utf8) + Array(purpose.utf8)
        var sealed = [UInt8](repeating: 0, count: plaintext.count + XChaCha20Poly1305.tagByteCount)
        plaintext.withUnsafeBytes { plain in
            aad.withUnsafeBytes { aad in
                nonce.withUnsafeBytes { nonce in
                    sealed.withUnsafeMutableBytes { out in
                        XChaCha20Poly1305.seal(
                            plain, authenticating: aad, nonce: nonce, key: key.encryptionKey, into: out)
                    }
                }
            }
        }
        return Base64URL.encode(header + nonce + sealed)
    }

    /// A value whose header is `header`, with a nonce and a ciphertext that authenticate nothing:
    /// what a header check must refuse before the AEAD.
    static func unauthenticated(header: [UInt8]) -> String {
        Base64URL.encode(header + [UInt8](repeating: 0, count: 24 + 40))
    }

    /// The answers in SPEC.md's words: an edit that changes one fails here and points to the
    /// test that pins the code.
    @Test("SPEC.md states the answers this suite and SpecSecretSectionTests pin")
    func specStatesTheAnswers() throws {
        let spec = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("SPEC.md")
        let text = try String(contentsOf: spec, encoding: .utf8).split(whereSeparator: \.isWhitespace).joined(
            separator: " ")
        for phrase in [
            "(`80 00` is a longer spelling of 0, `81 00` of 1)",
            "*malformed* in a header (3.1, 3.2, 3.4), *invalid payload* for the secret section's length and a "
                + "compressed body's length prefix (6.4), *deserialization failed* for an entry's length inside the "
                + "secret section (6.1)",
            "a marker further back is *invalid payload*",
            "MUST verify the content checksum of a frame that carries one (a wrong one is *invalid payload*)",
            "every plaintext under 32 bytes pads to 32, and one of exactly 32 to 48",
            "a prefix that is 0, not canonical or 5 bytes long is *invalid payload*, whatever it declares",
            "A stored value (compression `00`) is not, whatever the codec compresses with",
            "fewer than 8 bytes are raw content even with the magic",
            "`SessionDictionary` throws `rejectedByZstd`",
            "the purpose `token:` followed by the cookie's purpose (`token:session` by default)",
            "The body does not mark which fields are secret: the session's schema does",
            "`0`, `-0`, `0.0` and `0e5` name entry 0, `1e0` and `10E-1` entry 1",
            "A decoder ignores, without parsing it, an entry that no field names",
            "gives an entry named by two fields to both",
            "in declaration order, which need not be the body's sorted key order",
            "a secret value's own secret fields stay in place in its entry's JSON",
        ] {
            #expect(text.contains(phrase), "SPEC.md no longer says: \(phrase)")
        }
    }

    // MARK: 3.3 and 6.4: non-canonical LEB128

    @Test("a non-canonical or overlong LEB128 in a header is malformed, before the AEAD")
    func headerLEB128() throws {
        let codec = try Self.codec()
        // (well-formed header, the same with one field spelled longer): v3 lifetime-and-flags 480;
        // v3 flags with a session age of 1 second; v2 age of 1 minute; v1 lifetime of 60 minutes.
        let cases: [([UInt8], [UInt8])] = [
            ([0xC1] + Self.issuedAt + [0xE0, 0x03], [0xC1] + Self.issuedAt + [0xE0, 0x83, 0x00]),
            ([0xC1] + Self.issuedAt + [0xE2, 0x03, 0x01], [0xC1] + Self.issuedAt + [0xE2, 0x03, 0x81, 0x00]),
            ([0x81] + Self.issuedAt + [0xE2, 0x03, 0x01], [0x81] + Self.issuedAt + [0xE2, 0x03, 0x81, 0x80, 0x00]),
            ([0x41] + Self.issuedAt + [0x3C], [0x41] + Self.issuedAt + [0xBC, 0x00]),
            // Over the field's bytes: 5 for lifetime-and-flags, 5 for a v3 age (2^28 s).
            ([0xC1] + Self.issuedAt + [0xE0, 0x03], [0xC1] + Self.issuedAt + [0xE0, 0x83, 0x80, 0x80, 0x00]),
            (
                [0xC1] + Self.issuedAt + [0xE2, 0x03, 0x01],
                [0xC1] + Self.issuedAt + [0xE2, 0x03, 0x80, 0x80, 0x80, 0x80, 0x01]
            ),
        ]
        for (canonical, longer) in cases {
            // The well-formed header passes every check before the AEAD.
            #expect(codecError { try codec.open(Self.unauthenticated(header: canonical)) } == .authenticationFailed)
            #expect(codecError { try codec.open(Self.unauthenticated(header: longer)) } == .malformed, "\(longer)")
        }
    }

    @Test("a non-canonical or overlong length prefix of a compressed body is invalid payload")
    func compressedLengthLEB128() throws {
        let codec = try Self.codec(compression: Fixture.deflate)
        var deflated: [UInt8] = []
        let deflater = try #require(Deflater(level: 6, memoryLevel: 5))
        _ = Self.body.withUnsafeBytes { deflater.deflate($0, appendingTo: &deflated, limit: 2 * Self.body.count) }
        let header = [0xD1] + Self.issuedAt + [0xE0, 0x03]
        let count = UInt8(Self.body.count)
        #expect(try codec.open(Self.seal(header: header, plaintext: [count] + deflated)).session == Self.body)
        // The same length spelled in 2 bytes; a non-canonical 4-byte spelling over the cap; 5 bytes.
        for prefix: [UInt8] in [[count | 0x80, 0x00], [0xFF, 0xFF, 0xFF, 0x00], [0x80, 0x80, 0x80, 0x80, 0x01]] {
            #expect(
                codecError { try codec.open(Self.seal(header: header, plaintext: prefix + deflated)) }
                    == .invalidPayload,
                "\(prefix)")
        }
    }

    // MARK: 3.4: version 1 padding

    @Test("a version 1 padding marker before the last 1024 bytes is invalid payload; version 3 finds it")
    func version1PaddingWindow() throws {
        let codec = try Self.codec()
        let v1 = [0x51] + Self.issuedAt + [0x3C]  // version 1, padded, key 1; 60 minutes
        let v3 = [0xC1] + Self.issuedAt + [0xE1, 0x03]  // version 3, padded; 60 minutes
        let within = Self.body + [0x80] + [UInt8](repeating: 0, count: 1023)
        let beyond = Self.body + [0x80] + [UInt8](repeating: 0, count: 1024)
        let opened = try codec.open(Self.seal(header: v1, plaintext: within))
        #expect(opened.session == Self.body && opened.header.version == 1 && opened.needsResealing)
        #expect(codecError { try codec.open(Self.seal(header: v1, plaintext: beyond)) } == .invalidPayload)
        #expect(try codec.open(Self.seal(header: v3, plaintext: beyond)).session == Self.body)
    }

    // MARK: 6.2: zstd frame fields

    /// `body` as one magicless zstd frame, without a dictionary, with the optional fields asked for.
    static func frame(_ body: [UInt8], checksum: Bool, contentSize: Bool) throws -> [UInt8] {
        let context = try #require(ZSTD_createCCtx())
        defer { ZSTD_freeCCtx(context) }
        let settings: [(ZSTD_cParameter, Int32)] = [
            (czstd_c_format, Int32(ZSTD_f_zstd1_magicless.rawValue)), (ZSTD_c_checksumFlag, checksum ? 1 : 0),
            (ZSTD_c_contentSizeFlag, contentSize ? 1 : 0),
        ]
        for (parameter, value) in settings {
            #expect(ZSTD_isError(ZSTD_CCtx_setParameter(context, parameter, value)) == 0)
        }
        var frame = [UInt8](repeating: 0, count: ZSTD_compressBound(body.count))
        let size = frame.withUnsafeMutableBytes { out in
            body.withUnsafeBytes { ZSTD_compress2(context, out.baseAddress, out.count, $0.baseAddress, $0.count) }
        }
        #expect(ZSTD_isError(size) == 0)
        return Array(frame.prefix(size))
    }

    @Test("a decoder reads any frame fields, and checks a content checksum when the frame has one")
    func zstdChecksum() throws {
        let codec = try Self.codec(compression: Fixture.zstd(Fixture.dictionary()))
        let sealer = RawSealer(key: codec.configuration.keyRing.primary, codec: codec)
        let header = sealer.header(.zstd(dictionaryID: 1))
        for contentSize in [false, true] {
            var frame = try Self.frame(Self.body, checksum: true, contentSize: contentSize)
            #expect(frame[0] & 0x04 != 0)  // Content_Checksum_flag of the frame header descriptor
            let value = sealer.seal(lengthPrefixed(Self.body.count, frame), header: header)
            #expect(try codec.open(value).session == Self.body)
            frame[frame.count - 1] ^= 0x01
            let wrong = sealer.seal(lengthPrefixed(Self.body.count, frame), header: header)
            #expect(codecError { try codec.open(wrong) } == .invalidPayload)
        }
    }

    // MARK: 6.3: padded lengths

    @Test("the padded length is always longer: a whole block or the next class; classes start at 32")
    func paddedLengths() throws {
        for (unpadded, padded) in [
            (0, 32), (1, 32), (31, 32), (32, 48), (47, 48), (48, 64), (63, 64), (64, 96), (95, 96), (96, 128),
            (128, 192), (192, 256), (256, 384),
        ] {
            #expect(BlockPadding.paddedLength(of: unpadded, for: .sizeClasses) == padded, "\(unpadded)")
        }
        for (unpadded, padded) in [(0, 32), (31, 32), (32, 64), (33, 64)] {
            #expect(BlockPadding.paddedLength(of: unpadded, for: .block(32)) == padded, "\(unpadded)")
        }
        #expect(BlockPadding.paddedLength(of: 5, for: .block(1)) == 6)

        // Through a seal: a plaintext of exactly 32 bytes pads to 48 (header 7, nonce 24, tag 16).
        let codec = try Fixture.bytesCodec(
            ring: KeyRing(primary: Fixture.sequentialKey()), compression: .disabled, padding: .sizeClasses)
        let sealed = try codec.seal([UInt8](repeating: 0x61, count: 32))
        #expect(try #require(Base64URL.decode(sealed)).count == 7 + 24 + 48 + 16)
        // A decoder takes any padded length: 5 bytes, the marker and 2 zeros.
        let odd = try Self.seal(
            header: [0xC1] + Self.issuedAt + [0xE1, 0x03], plaintext: Array("hello".utf8) + [0x80, 0, 0])
        #expect(try Self.codec().open(odd).session == Array("hello".utf8))
    }

    // MARK: 7: dictionaries

    @Test("a stored value opens without re-sealing where a dictionary is configured; a deflated one is re-sealed")
    func storedValuesUnderADictionary() throws {
        let zstd = try Self.codec(compression: Fixture.zstd(Fixture.dictionary()))
        let stored = try Self.codec().seal(Self.body)
        #expect(try EnvelopeHeader(sealedValue: stored).compression == .none)
        let opened = try zstd.open(stored)
        #expect(opened.session == Self.body && !opened.needsResealing)
        let deflated = try Self.codec(compression: Fixture.deflate).seal(Self.body + Self.body)
        #expect(try EnvelopeHeader(sealedValue: deflated).compression == .deflate)
        #expect(try zstd.open(deflated).needsResealing)
    }

    @Test(
        "bytes with zstd's magic that do not load are refused when the dictionary is made; under 8 bytes they are raw content"
    )
    func dictionaryMagic() throws {
        let magic: [UInt8] = [0x37, 0xA4, 0x30, 0xEC]
        for tail in [[0, 0, 0, 0], [UInt8](repeating: 0x41, count: 60)] {
            #expect(throws: SessionDictionaryError.rejectedByZstd) { try SessionDictionary(id: 1, bytes: magic + tail) }
        }
        let short = try SessionDictionary(id: 1, bytes: magic + [1, 2, 3])
        #expect(!short.isTrained)
        let codec = try Self.codec(compression: Fixture.zstd(short))
        let sealed = try codec.seal(Self.body + Self.body)
        #expect(try EnvelopeHeader(sealedValue: sealed).compression == .zstd(dictionaryID: 1))
        #expect(try codec.open(sealed).session == Self.body + Self.body)
    }

    // MARK: 11.5: bearer tokens

    @Test("a token is the value of sections 1-10 under purpose token: + the cookie's purpose")
    func tokens() throws {
        let cookieCodec = try Self.codec()
        let tokenCodec = try cookieCodec.tokenCodec()
        let token = try tokenCodec.seal(Self.body)
        // Built from the SPEC alone: same cookie name, purpose `token:session`.
        #expect(
            token
                == (try Self.seal(
                    header: [0xC1] + Self.issuedAt + [0xE0, 0x03], plaintext: Self.body, purpose: "token:session")))
        #expect(try Self.codec(purpose: "token:session").open(token).session == Self.body)
        #expect(codecError { try cookieCodec.open(token) } == .authenticationFailed)
        #expect(codecError { try tokenCodec.open(cookieCodec.seal(Self.body)) } == .authenticationFailed)
    }
}
