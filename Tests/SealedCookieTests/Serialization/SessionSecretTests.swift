import Foundation
import Testing

@testable import SealedCookie

/// ``SessionSecret`` through every path: the streaming encoder, Foundation's encoder (for types
/// the streaming encoder cannot handle), and values sealed before a field was marked.
@Suite struct SessionSecretTests {
    struct Before: Codable, Sendable {
        var user: String
        var token: String
    }

    struct After: Codable, Sendable {
        var user: String
        @SessionSecret var token: String
    }

    /// Encodes through a super encoder, which the streaming encoder hands to Foundation.
    struct NeedsFoundation: Codable, Sendable, Equatable {
        var user: String
        @SessionSecret var token: String
        @SessionSecret var backup: [Int]

        enum CodingKeys: String, CodingKey { case user, token, backup, base }

        init(user: String, token: String, backup: [Int]) {
            self.user = user
            self.token = token
            self.backup = backup
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            user = try container.decode(String.self, forKey: .user)
            _token = try container.decode(SessionSecret<String>.self, forKey: .token)
            _backup = try SessionSecret(from: container.superDecoder(forKey: .backup))
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(user, forKey: .user)
            try container.encode(_token, forKey: .token)
            try _backup.encode(to: container.superEncoder(forKey: .backup))
        }
    }

    func codec<Session: Codable & Sendable>(_: Session.Type) throws -> SessionCodec<Session> {
        try SessionCodec(
            configuration: SessionCodecConfiguration(
                cookieName: "session", keyRing: KeyRing(primary: Fixture.sequentialKey()),
                clock: Fixture.clock(Fixture.now)))
    }

    @Test func valueSealedBeforeTheFieldWasMarkedStillOpens() throws {
        let old = try codec(Before.self).seal(Before(user: "u1", token: "tok_0123456789abcdef"))
        let opened = try codec(After.self).open(old)
        #expect(opened.session.token == "tok_0123456789abcdef")
        #expect(!opened.header.hasSecretSection)
    }

    @Test func foundationFallbackKeepsSecretsApartToo() throws {
        let codec = try codec(NeedsFoundation.self)
        let session = NeedsFoundation(user: "u1", token: "tok_0123456789abcdef", backup: [7, 8])
        let serialized = try codec.serialize(session)
        #expect(!String(decoding: serialized.body, as: UTF8.self).contains("tok_0123456789abcdef"))
        #expect(serialized.secrets == [22] + Array(#""tok_0123456789abcdef""#.utf8) + [5] + Array("[7,8]".utf8))
        #expect(try codec.open(codec.seal(session)).session == session)
    }

    @Test func malformedSecretSectionsAreTypedErrors() throws {
        let serializer = JSONSessionSerializer<After>()
        let body = Array(#"{"token":0,"user":"u1"}"#.utf8)
        #expect(try serializer.deserialize(body: body, secrets: [3] + Array(#""a""#.utf8)).token == "a")
        for secrets: [UInt8] in [[5, 0x22], [0x80], [2, 0x22, 0x61]] {
            #expect(throws: DecodingError.self) { try serializer.deserialize(body: body, secrets: secrets) }
        }
        // An index with no entry.
        let missing = Array(#"{"token":1,"user":"u1"}"#.utf8)
        #expect(throws: DecodingError.self) {
            try serializer.deserialize(body: missing, secrets: [3] + Array(#""a""#.utf8))
        }
    }
}
