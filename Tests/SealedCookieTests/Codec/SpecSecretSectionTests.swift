import Foundation
import Testing

@testable import SealedCookie

/// SPEC.md section 6.1, each answer on an authentic value built by hand: what an implementation
/// from the SPEC alone would otherwise have to guess about the secret section.
@Suite struct SpecSecretSectionTests {
    struct Shop: Codable, Sendable, Equatable {
        var cart: [String]
        @SessionSecret var csrf: String
    }

    /// Shop's fields with nothing marked secret: the same body read by another schema.
    struct PlainShop: Codable, Sendable, Equatable {
        var cart: [String]
        var csrf: Int
    }

    struct Twice: Codable, Sendable, Equatable {
        @SessionSecret var a: String
        @SessionSecret var b: String
    }

    struct Inner: Codable, Sendable, Equatable {
        @SessionSecret var token: String
    }

    /// Secrets declared against the body's (sorted) key order, nested in an object and an array.
    struct Nested: Codable, Sendable, Equatable {
        @SessionSecret var zeta: String
        var inner: Inner
        var list: [SessionSecret<Int>]
        @SessionSecret var alpha: String
    }

    /// A secret whose value holds a secret of its own.
    struct SecretInSecret: Codable, Sendable, Equatable {
        @SessionSecret var outer: Inner
    }

    static func codec<Session: Codable & Sendable>(_: Session.Type) throws -> SessionCodec<Session> {
        try SessionCodec(
            configuration: SessionCodecConfiguration(
                cookieName: "session", keyRing: KeyRing(primary: Fixture.sequentialKey()), compression: .disabled,
                clock: Fixture.clock(Fixture.now)))
    }

    /// `LEB128(len(json)) || json`.
    static func entry(_ json: String) -> [UInt8] {
        lengthPrefixed(json.utf8.count, Array(json.utf8))
    }

    /// Opens, as `Session`, an authentic stored value whose plaintext is
    /// `LEB128(len(section)) || section || body` (no section and the flag clear when empty).
    static func open<Session: Codable & Sendable>(
        _: Session.Type, body: String, section: [UInt8]
    ) throws -> Session {
        let codec = try codec(Session.self)
        let sealer = RawSealer(key: codec.configuration.keyRing.primary, codec: codec)
        let plaintext = (section.isEmpty ? [] : lengthPrefixed(section.count, section)) + Array(body.utf8)
        return try codec.open(sealer.seal(plaintext, header: sealer.header(.none, secrets: !section.isEmpty)))
            .session
    }

    @Test("the body does not mark secret fields: the decoder's schema does")
    func schemaDecides() throws {
        let body = #"{"cart":[],"csrf":0}"#
        let section = Self.entry(#""tok""#)
        #expect(try Self.open(Shop.self, body: body, section: section) == Shop(cart: [], csrf: "tok"))
        // A schema without the mark reads the index as the field's value.
        #expect(try Self.open(PlainShop.self, body: body, section: section) == PlainShop(cart: [], csrf: 0))
        // With the flag clear, a secret field reads its value in place.
        #expect(
            try Self.open(Shop.self, body: #"{"cart":[],"csrf":"tok"}"#, section: []) == Shop(cart: [], csrf: "tok"))
    }

    @Test("an entry no field names is ignored unparsed; one named twice gives both fields its value")
    func unusedAndSharedEntries() throws {
        let section = Self.entry(#""tok""#) + Self.entry("not JSON") + Self.entry("")
        #expect(
            try Self.open(Shop.self, body: #"{"cart":[],"csrf":0}"#, section: section) == Shop(cart: [], csrf: "tok"))
        #expect(try Self.open(Twice.self, body: #"{"a":0,"b":0}"#, section: section) == Twice(a: "tok", b: "tok"))
    }

    @Test("a secret field missing from the body is a missing field")
    func missingField() {
        #expect(
            codecError { try Self.open(Shop.self, body: #"{"cart":[]}"#, section: Self.entry(#""tok""#)) }
                == .deserializationFailed(reason: "key 'csrf' missing"))
    }

    @Test("an index is any JSON number whose value is a whole number naming an entry")
    func indexSpellings() throws {
        let section = Self.entry(#""zero""#) + Self.entry(#""one""#)
        for (spelling, value) in [
            ("0", "zero"), ("-0", "zero"), ("0.0", "zero"), ("0e5", "zero"), ("1e0", "one"), ("10E-1", "one"),
            ("1.000", "one"), (" 1 ", "one"),
        ] {
            let body = #"{"cart":[],"csrf":\#(spelling)}"#
            #expect(try Self.open(Shop.self, body: body, section: section).csrf == value, "\(spelling)")
        }
        for (spelling, reason) in [
            ("01", "data corrupted"), ("+0", "data corrupted"), ("0x0", "data corrupted"),
            ("2", "data corrupted at csrf"), ("-1", "data corrupted at csrf"), ("0.5", "data corrupted at csrf"),
            ("1e30", "data corrupted at csrf"), (#""0""#, "type mismatch at csrf"), ("null", "value missing at csrf"),
        ] {
            let body = #"{"cart":[],"csrf":\#(spelling)}"#
            #expect(
                codecError { try Self.open(Shop.self, body: body, section: section) }
                    == .deserializationFailed(reason: reason), "\(spelling)")
        }
    }

    @Test("a named entry that is not JSON, or not of the field's type, fails deserialization")
    func entryNotJSON() {
        let body = #"{"cart":[],"csrf":0}"#
        for (entry, reason) in [
            ("tok", "data corrupted at csrf"), ("", "data corrupted at csrf"), ("7", "type mismatch at csrf"),
        ] {
            #expect(
                codecError { try Self.open(Shop.self, body: body, section: Self.entry(entry)) }
                    == .deserializationFailed(reason: reason), "\(entry)")
        }
    }

    @Test("the section's own length is the codec's (invalid payload); the entries' lengths the serializer's")
    func lengths() throws {
        let body = Array(#"{"cart":[],"csrf":0}"#.utf8)
        let tok = Array(#""tok""#.utf8)
        let codec = try Self.codec(Shop.self)
        let sealer = RawSealer(key: codec.configuration.keyRing.primary, codec: codec)
        let header = sealer.header(.none, secrets: true)
        // The section's length: 0, non-canonical (`85 00` for 5), 5 bytes (2^28), past the plaintext.
        for plaintext in [
            [0] + body, [0x85, 0x00, 0x03] + tok + body, [0x80, 0x80, 0x80, 0x80, 0x01, 0x03] + tok + body,
            [0x7F, 0x03] + tok + body,
        ] {
            #expect(codecError { try codec.open(sealer.seal(plaintext, header: header)) } == .invalidPayload)
        }
        // An entry's length: non-canonical, 5 bytes, past the section's end.
        for section: [UInt8] in [[0x83, 0x00] + tok, [0x80, 0x80, 0x80, 0x80, 0x01] + tok, [0x04] + tok] {
            #expect(
                codecError { try Self.open(Shop.self, body: String(decoding: body, as: UTF8.self), section: section) }
                    == .deserializationFailed(reason: "data corrupted"))
        }
    }

    @Test("a serializer that reads no secret section refuses any")
    func serializerWithoutSections() throws {
        let codec = try Fixture.bytesCodec(ring: KeyRing(primary: Fixture.sequentialKey()), compression: .disabled)
        let sealer = RawSealer(key: codec.configuration.keyRing.primary, codec: codec)
        let value = sealer.seal(
            [5] + Self.entry(#""tok""#) + Array("{}".utf8), header: sealer.header(.none, secrets: true))
        #expect(codecError { try codec.open(value) } == .deserializationFailed(reason: "SecretSectionUnsupported"))
    }

    @Test("an entry's length takes up to 4 canonical LEB128 bytes")
    func largestEntryLength() throws {
        // 2^21 bytes need a 4-byte length; the sealed value's maximum length bounds a real one.
        let secret = String(repeating: "s", count: 1 << 21)
        let section = Self.entry("\"\(secret)\"")
        #expect(section.prefix(4) == [0x82, 0x80, 0x80, 0x01])
        let opened = try JSONSessionSerializer<Shop>().deserialize(
            body: Array(#"{"cart":[],"csrf":0}"#.utf8), secrets: section)
        #expect(opened.csrf == secret)
    }

    @Test(
        "nested secrets share the one section, numbered as the serializer meets them; a secret's own secrets stay in place"
    )
    func nestedSecrets() throws {
        let nested = Nested(zeta: "z", inner: Inner(token: "t"), list: [.init(wrappedValue: 7)], alpha: "a")
        let codec = try Self.codec(Nested.self)
        let serialized = try codec.serialize(nested)
        #expect(
            String(decoding: serialized.body, as: UTF8.self) == #"{"alpha":3,"inner":{"token":1},"list":[2],"zeta":0}"#)
        #expect(serialized.secrets == Self.entry(#""z""#) + Self.entry(#""t""#) + Self.entry("7") + Self.entry(#""a""#))
        #expect(try codec.open(codec.seal(nested)).session == nested)

        let inSecret = SecretInSecret(outer: Inner(token: "t"))
        let outerCodec = try Self.codec(SecretInSecret.self)
        let outer = try outerCodec.serialize(inSecret)
        #expect(outer.body == Array(#"{"outer":0}"#.utf8))
        #expect(outer.secrets == Self.entry(#"{"token":"t"}"#))
        #expect(try outerCodec.open(outerCodec.seal(inSecret)).session == inSecret)
    }
}
