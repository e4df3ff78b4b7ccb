import Foundation
import Testing

@testable import SealedCookie

/// The test vectors of SPEC.md, section "Test vectors", reproduced byte for byte.
@Suite struct SpecVectorTests {
    /// Key A: 00 01 … 1f; key B: a0 a1 … bf.
    static func key(id: UInt8, start: UInt8) throws -> SessionKey {
        try SessionKey(id: id, bytes: (0..<32).map { start + UInt8($0) })
    }

    /// The dictionary of vector 3, raw content (SPEC.md gives it in hex).
    static let dictionaryText = #"{"login_at":1732400000,"mfa":false,"roles":["customer"],"user_id":"usr_"}"#

    static let tiny = #"{"user_id":"usr_7f3k29xqhm2","login_at":1732467890,"mfa":false}"#
    static let small =
        #"{"user_id":"usr_7f3k29xqhm2","login_at":1732467890,"mfa":false,"name":"Zoë Castellano","email_verified":true,"roles":["customer","beta_tester"],"csrf_token":"q7ZsK2vN9xR4tW1mB8cF3hJ6pL0dG5yE","locale":"de-DE","flash":{"level":"success","message":"Your address was updated. We'll ship to the new address from now on."}}"#

    /// Vectors 1, 2 and 5: deflate level 6 from 64 bytes, the default before the generic dictionary.
    static let deflate = SessionCodecConfiguration.Compression.deflate(minimumSize: 64, level: 6)

    static func codec<Session>(
        _ key: SessionKey, name: String = "session", purpose: String = "session", lifetimeMinutes: Int,
        compression: SessionCodecConfiguration.Compression, padding: SessionCodecConfiguration.Padding = .none,
        maxSessionAge: Duration? = nil, serializer: some SessionSerializer<Session>
    ) throws -> SessionCodec<Session> {
        var codec = try SessionCodec(
            configuration: SessionCodecConfiguration(
                cookieName: name, keyRing: KeyRing(primary: key), purpose: purpose,
                lifetime: .seconds(lifetimeMinutes * 60), maxSessionAge: maxSessionAge, compression: compression,
                padding: padding, clock: Fixture.clock(Fixture.now)),
            serializer: serializer)
        codec.fillNonce = Fixture.sequentialNonce
        return codec
    }

    /// Checks that `codec` opens `sealed` to `session` and, when `sealsExactly`, seals `session`
    /// to exactly `sealed`.
    func check<Session: Equatable>(
        _ codec: SessionCodec<Session>, session: Session, sealed: String, sealsExactly: Bool,
        sessionStartedAt: Date? = nil
    ) throws -> OpenedSession<Session> {
        let produced = try codec.seal(session, sessionStartedAt: sessionStartedAt)
        if sealsExactly {
            #expect(produced == sealed)
        }
        let opened = try codec.open(sealed)
        #expect(opened.session == session)
        #expect(opened.header.issuedAtSeconds == UInt32(Fixture.now))
        return opened
    }

    @Test func vector1StoredTiny() throws {
        let codec = try Self.codec(
            Self.key(id: 1, start: 0x00), lifetimeMinutes: 60, compression: Self.deflate, serializer: BytesSerializer())
        let opened = try check(codec, session: Array(Self.tiny.utf8), sealed: SpecVectors.v1, sealsExactly: true)
        #expect(opened.header.compression == .none)
    }

    @Test func vector2DeflatedSmall() throws {
        let codec = try Self.codec(
            Self.key(id: 1, start: 0x00), lifetimeMinutes: 1440, compression: Self.deflate,
            serializer: BytesSerializer())
        // Deflate output may differ between zlib builds: decoders must open it, encoders need
        // not reproduce it.
        let opened = try check(codec, session: Array(Self.small.utf8), sealed: SpecVectors.v2, sealsExactly: false)
        #expect(opened.header.compression == .deflate)
    }

    @Test func vector3ZstdWithDictionary() throws {
        let dictionary = try SessionDictionary(id: 1, bytes: Array(Self.dictionaryText.utf8))
        let codec = try Self.codec(
            Self.key(id: 1, start: 0x00), lifetimeMinutes: 1440, compression: Fixture.zstd(dictionary),
            serializer: BytesSerializer())
        // zstd 1.5.4 at level 3 reproduces it; another version may compress differently.
        let opened = try check(codec, session: Array(Self.tiny.utf8), sealed: SpecVectors.v3, sealsExactly: true)
        #expect(opened.header.compression == .zstd(dictionaryID: 1))
    }

    @Test func vector7ZstdWithTheGenericDictionary() throws {
        let codec = try Self.codec(
            Self.key(id: 1, start: 0x00), lifetimeMinutes: 1440, compression: .default, serializer: BytesSerializer())
        // zstd 1.5.4 at level 3 reproduces it; another version may compress differently.
        let opened = try check(codec, session: Array(Self.small.utf8), sealed: SpecVectors.v7, sealsExactly: true)
        #expect(opened.header.compression == .zstdBuiltIn(dictionaryID: 1))
        #expect(!opened.needsResealing)
    }

    struct ShopSession: Codable, Sendable, Equatable {
        var cart: [String]
        @SessionSecret var csrf: String
    }

    @Test func vector4SecretsStartAndPadding() throws {
        let codec = try Self.codec(
            Self.key(id: 2, start: 0xA0), name: "__Host-sid", purpose: "shop.example/v1", lifetimeMinutes: 20160,
            compression: .disabled, padding: .block(32), maxSessionAge: .seconds(30 * 86400),
            serializer: JSONSessionSerializer<ShopSession>())
        let session = ShopSession(cart: [], csrf: "q7ZsK2vN9xR4tW1mB8cF3hJ6pL0dG5yE")
        let started = Date(timeIntervalSince1970: Fixture.now - 90 * 60)
        let opened = try check(
            codec, session: session, sealed: SpecVectors.v4, sealsExactly: true, sessionStartedAt: started)
        #expect(opened.header.sessionStartedAt == started)
        #expect(opened.header.hasSecretSection && opened.header.isPadded)
        // The body holds the secret's index, the secret section its JSON.
        let serialized = try codec.serialize(session)
        #expect(serialized.body == Array(#"{"cart":[],"csrf":0}"#.utf8))
        #expect(serialized.secrets == [34] + Array(#""q7ZsK2vN9xR4tW1mB8cF3hJ6pL0dG5yE""#.utf8))
    }

    @Test func vector5Version1StillOpens() throws {
        let codec = try Self.codec(
            Self.key(id: 1, start: 0x00), lifetimeMinutes: 1440, compression: Self.deflate,
            serializer: BytesSerializer())
        let opened = try codec.open(SpecVectors.v5)
        #expect(opened.session == Array(Self.small.utf8))
        #expect(opened.header.version == 1)
        #expect(opened.header.compression == .deflate)
        #expect(opened.needsResealing)
    }

    @Test func vector6Version2SessionAgeInMinutesStillOpens() throws {
        let codec = try Self.codec(
            Self.key(id: 2, start: 0xA0), name: "__Host-sid", purpose: "shop.example/v1", lifetimeMinutes: 20160,
            compression: .disabled, padding: .block(32), maxSessionAge: .seconds(30 * 86400),
            serializer: JSONSessionSerializer<ShopSession>())
        let opened = try codec.open(SpecVectors.v6)
        #expect(opened.session == ShopSession(cart: [], csrf: "q7ZsK2vN9xR4tW1mB8cF3hJ6pL0dG5yE"))
        #expect(opened.header.version == 2)
        #expect(opened.header.sessionStartedAt == Date(timeIntervalSince1970: Fixture.now - 90 * 60))
        #expect(opened.needsResealing)
    }

    @Test func everySealedVectorIsOfTheCurrentVersion() throws {
        for value in [SpecVectors.v1, SpecVectors.v2, SpecVectors.v3, SpecVectors.v4, SpecVectors.v7] {
            #expect(try EnvelopeHeader(sealedValue: value).version == EnvelopeHeader.currentVersion)
        }
    }

    /// The values this suite checks are the ones SPEC.md prints, so the text cannot drift from
    /// the code.
    @Test func specPrintsEveryVectorThisSuiteChecks() throws {
        let spec = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("SPEC.md")
        let text = try String(contentsOf: spec, encoding: .utf8)
        for (index, value) in [
            SpecVectors.v1, SpecVectors.v2, SpecVectors.v3, SpecVectors.v4, SpecVectors.v5,
            SpecVectors.v6, SpecVectors.v7, SpecVectors.dictionaryHex,
        ].enumerated() {
            #expect(text.contains("\n\(value)\n"), "SPEC.md lacks the value of vector \(index + 1)")
        }
    }

    /// SPEC.md section 5: the digest in the associated data is BLAKE2b-256 of the dictionary's
    /// length (8 bytes, little-endian) and bytes; vector 3 prints it.
    @Test func dictionaryDigestIsTheOneTheSpecDefines() throws {
        let digest = GenericHash.digest(Array(Self.dictionaryText.utf8)).map { String(format: "%02x", $0) }.joined()
        #expect(digest == SpecVectors.dictionaryDigestHex)
        let dictionary = try SessionDictionary(id: 1, bytes: Array(Self.dictionaryText.utf8))
        let codec = try Self.codec(
            Self.key(id: 1, start: 0x00), lifetimeMinutes: 1440, compression: Fixture.zstd(dictionary),
            serializer: BytesSerializer())
        #expect(
            codec.state.compressors.dictionaries[.zstd(dictionaryID: 1)]?.digest
                == GenericHash.digest(Array(Self.dictionaryText.utf8)))
    }

    @Test func dictionaryHexInTheSpecIsTheDictionary() {
        #expect(
            Array(Self.dictionaryText.utf8).map { String(format: "%02x", $0) }.joined() == SpecVectors.dictionaryHex)
    }
}

/// The values as SPEC.md prints them.
enum SpecVectors {
    static let v1 =
        "wWsE04DgAwABAgMEBQYHCAkKCwwNDg8QERITFBUWF9WK7Wt4kxtOJEYoo8n1JT5WuDl3kFjgPQGZK6KMCZznoAJVSpKPRIVFnHkfzx29eFL0YCOnQkz_AwrjRdf0dWPoWRHQlVQB8nZuuOAonKE"
    static let v2 =
        "0WsE04CAWgABAgMEBQYHCAkKCwwNDg8QERITFBUWFxGqpZZWr4dnUCC9s1aLTHJEqIJ_jZjSzDFEkIjifRNhTsb30mrlvf4l5Y4cQzPpVsd-GfRgcAo1oBBXY4xy79WNHxJyJuotkxUdB3aICIFlUp-adF1tFtlEwNFZLgZXJGbT69VcqzvhO9cKNzA2wzDywl5ARYr_MUmKjv_WGaAmBoiKqSk4DJHPkt8Dpyb9v5Z4RkfCQUmdcpSUcaOXKXhMP2QMn6gkn3Nha_cExRIeYMx_sw4CT6SpmU_U89N4RCdJgTkekVJRFsvyEkLD2M3vTa5DQVt92hAx3CAdjHxBsapo7TX-n_iFu-iZAjIxsYaZWDCyt-jWezB8ut2SYSlx9QuhNba2CbMr83rYYcNCGA"
    static let v3 =
        "4WsE04CAWgEAAQIDBAUGBwgJCgsMDQ4PEBESExQVFheRqJjtHeHcXHcCIeqOvy8QCbM4Po5Xr3RQiRqA0DuYyHnR8hOa3pYkf0JVi3Kz2swRrtLM"
    static let v4 =
        "wmsE04CH7AmYKgABAgMEBQYHCAkKCwwNDg8QERITFBUWF4qpcwHTbKr7wK1uStVp9u9bwcZHQEDBeuN77Q6aNTBAE0UBWipy_Ojgy0wEU4z3WHrA56sctB0Yn6sS0QLi7CTEjLavWHxuPZrnoQzA5Nv0"
    /// Vector 4 of wire format v2 (SPEC.md of version 2): its session age counts minutes.
    static let v6 =
        "gmsE04CH7AlaAAECAwQFBgcICQoLDA0ODxAREhMUFRYXiqlzAdNsqvvArW5K1Wn271vBxkdAQMF643vtDpo1MEATRQFaKnL86ODLTARTjPdYesDnqxy0HRifqxLRAuLsJM9AjckSUQJNki8OSkQDqnc"
    /// Vector 2 of wire format v1 (SPEC.md of version 1).
    static let v5 =
        "YWsE04CgCwABAgMEBQYHCAkKCwwNDg8QERITFBUWFxGqpZZWr4dnUCC9s1aLTHJEqIJ_jZjSzDFEkIjifRNhTsb30mrlvf4l5Y4cQzPpVsd-GfRgcAo1oBBXY4xy79WNHxJyJuotkxUdB3aICIFlUp-adF1tFtlEwNFZLgZXJGbT69VcqzvhO9cKNzA2wzDywl5ARYr_MUmKjv_WGaAmBoiKqSk4DJHPkt8Dpyb9v5Z4RkfCQUmdcpSUcaOXKXhMP2QMn6gkn3Nha_cExRIeYMx_sw4CT6SpmU_U89N4RCdJgTkekVJRFsvyEkLD2M3vTa5DQVt92hAx3CAdjHxBsapo7TX-n_iFu-iZAjIxsYaZWDCyt-jWezB8ut2SYSlxZcWvjAUGqyq9BN2Qw3OmIw"
    static let dictionaryDigestHex = "b8e399cfcb9acf0d0d4c2ae8bd2e629834d4aa9304a5f8f4065089d2d815c08e"
    static let dictionaryHex =
        "7b226c6f67696e5f6174223a313733323430303030302c226d6661223a66616c73652c22726f6c6573223a5b22637573746f6d6572225d2c22757365725f6964223a227573725f227d"
    static let v7 =
        "8WsE04CAWgEAAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcRqpgYoOREVEpFvZYqX29t6gU6NAyatPMIyPBD0DTWLVZX9_yn-ck9vct24DlTFK8RE9RPD5VJvaeLu345bcLh6UzbGS96YfW_b_n-kRtTZkMDqcnWUH53rm4z8K22T-iD-nfuSIvuc0OYEtMDgQHoaw16g64OZkQe8Uu5A4tw-I8YobNm-71E3dE6MtNvKe8M2VxdJlFbzfapObmBq7OfpBPT8Ft70uiVjC338PEeSkd1e0aa-yGRkORLfMaKfydZmP8wSsfWDArtqSg-5w"
}
