#if Macros
import Foundation
import SealedCookieMacros
import Testing

/// A `@SessionJSON` type with `init(from:)` and `encode(to:)` in an extension, which the macro
/// cannot see: the init validates and the encoder adds a field.
@SessionJSON
struct AgeCheckedSession: Codable, Sendable, Equatable {
    var age: Int
}

extension AgeCheckedSession {
    struct NegativeAge: Error {}

    private enum ExtensionKeys: String, CodingKey {
        case age, checked
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: ExtensionKeys.self)
        age = try container.decode(Int.self, forKey: .age)
        guard age >= 0 else { throw NegativeAge() }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ExtensionKeys.self)
        try container.encode(age, forKey: .age)
        try container.encode(true, forKey: .checked)
    }
}

/// A `@SessionJSON` type whose `CodingKeys` is in an extension, which the macro cannot see.
@SessionJSON
struct RenamedKeySession: Codable, Sendable, Equatable {
    var userID: String
}

extension RenamedKeySession {
    enum CodingKeys: String, CodingKey {
        case userID = "user_id"
    }
}

/// The behaviour the macro's documentation states ("What the macro cannot see"): members in an
/// extension are not diagnosed, and SealedCookie's serializer and codec run the generated code
/// instead of them, so their validation is skipped; Foundation's coders run them. A `CodingKeys`
/// there is not followed either.
@Suite struct SessionJSONExtensionMembersTests {
    @Test("an extension's init(from:) does not run when SealedCookie opens the session")
    func extensionInitIsSkipped() throws {
        let document = Array(#"{"age":-1}"#.utf8)
        #expect(try JSONSessionSerializer<AgeCheckedSession>().deserialize(document) == AgeCheckedSession(age: -1))
        #expect(throws: AgeCheckedSession.NegativeAge.self) {
            try JSONDecoder().decode(AgeCheckedSession.self, from: Data(document))
        }
    }

    @Test("an extension's encode(to:) does not run when SealedCookie seals the session")
    func extensionEncodeIsSkipped() throws {
        let session = AgeCheckedSession(age: -1)
        let sealedBytes = try JSONSessionSerializer<AgeCheckedSession>().serialize(session)
        #expect(String(decoding: sealedBytes, as: UTF8.self) == #"{"age":-1}"#)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(String(decoding: try encoder.encode(session), as: UTF8.self) == #"{"age":-1,"checked":true}"#)

        // And through the codec, as the middlewares use it.
        let codec = try SessionCodec<AgeCheckedSession>(
            configuration: .init(cookieName: "session", keyRing: try KeyRing(primary: .generate(id: 1))))
        #expect(try codec.open(codec.seal(session)).session == session)
    }

    @Test("a CodingKeys in an extension is not followed: the generated code uses the property name")
    func extensionCodingKeysAreNotFollowed() throws {
        let session = RenamedKeySession(userID: "u")
        let sealedBytes = try JSONSessionSerializer<RenamedKeySession>().serialize(session)
        #expect(String(decoding: sealedBytes, as: UTF8.self) == #"{"userID":"u"}"#)
        #expect(String(decoding: try JSONEncoder().encode(session), as: UTF8.self) == #"{"user_id":"u"}"#)
    }
}
#endif
