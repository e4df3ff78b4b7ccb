import Foundation
import Testing

@testable import SealedCookie

/// The decoder reads authenticated bytes, but they are still bytes some node (or a bug) wrote:
/// a document whose meaning is ambiguous is refused rather than read one way or another.
///
/// Where this differs from Foundation's `JSONDecoder` (the differential tests compare values only
/// where both accept a document): Foundation accepts duplicate keys and takes the first
/// occurrence, for a struct and for a dictionary, and a key canonically equivalent to an earlier
/// one likewise; here each is a `DecodingError`, since another reader (or a later version of
/// either) may take the last, and a session must not mean two things. A key that is not valid
/// UTF-8 is an error in both (this decoder used to drop the entry).
@Suite("JSON decoder strictness")
struct JSONStrictnessTests {
    struct Flag: Codable, Equatable, Sendable {
        var admin: Bool
        var user: String
    }

    static func decode<T: Codable & Sendable>(_ type: T.Type, _ bytes: [UInt8]) throws -> T {
        try JSONSessionSerializer<T>().deserialize(bytes)
    }

    @Test(
        "duplicate keys are a DecodingError, for a struct and a dictionary",
        arguments: [
            #"{"admin":false,"user":"u","admin":true}"#,
            #"{"admin":false,"user":"u","\u0061dmin":true}"#,
            #"{"admin":false,"user":"u","user":"v"}"#,
        ])
    func duplicateKeys(json: String) throws {
        #expect(throws: DecodingError.self) { try Self.decode(Flag.self, Array(json.utf8)) }
        #expect(throws: DecodingError.self) { try Self.decode([String: JSONValue].self, Array(json.utf8)) }
    }

    @Test("keys equal as Swift strings (canonically equivalent) are duplicates too")
    func canonicallyEquivalentKeys() throws {
        let json = "{\"\u{E9}\":1,\"e\u{301}\":2}"
        #expect(throws: DecodingError.self) { try Self.decode([String: Int].self, Array(json.utf8)) }
    }

    @Test("a key that is not valid UTF-8 is a DecodingError, not a dropped entry")
    func invalidUTF8Key() throws {
        let bytes = Array(#"{"a":1,""#.utf8) + [0xFF, 0xFE] + Array(#"":2}"#.utf8)
        #expect(throws: DecodingError.self) { try Self.decode([String: Int].self, bytes) }
        let escaped = Array(#"{"a":1,"\udc00":2}"#.utf8)  // An unpaired surrogate escape.
        #expect(throws: DecodingError.self) { try Self.decode([String: Int].self, escaped) }
    }

    @Test("distinct keys, nested objects and repeated keys in different objects still decode")
    func distinctKeys() throws {
        #expect(
            try Self.decode(Flag.self, Array(#"{"admin":true,"user":"u","extra":{"admin":1}}"#.utf8))
                == Flag(admin: true, user: "u"))
        let nested = try Self.decode([String: [String: Int]].self, Array(#"{"a":{"x":1},"b":{"x":2}}"#.utf8))
        #expect(nested == ["a": ["x": 1], "b": ["x": 2]])
    }
}
