#if Macros
import Foundation
import SealedCookieMacros
import Testing

/// A `@SessionJSON` type with an `[Int: V]` field.
@SessionJSON
struct SlotSession: Codable, Sendable, Equatable {
    var slots: [Int: String]
}

/// The generated `init(jsonFields:)` reads an `[Int: V]` field through the same decoder as
/// `Codable` does (see `JSONDictionaryKeyTests`): two spellings of one key, or a key not
/// spelled as the encoder writes it, are refused.
@Suite struct SessionJSONIntKeyTests {
    @Test(
        "an [Int: V] field refuses a second spelling of a key and a non-canonical one",
        arguments: [#"{"1":"a","01":"b"}"#, #"{"01":"b","1":"a"}"#, #"{"+1":"a"}"#, #"{"-0":"a"}"#])
    func nonCanonicalKeys(slots: String) throws {
        #expect(throws: DecodingError.self) {
            try JSONSessionSerializer<SlotSession>().deserialize(Array(#"{"slots":\#(slots)}"#.utf8))
        }
    }

    @Test("canonical keys round-trip")
    func canonicalKeys() throws {
        let serializer = JSONSessionSerializer<SlotSession>()
        let session = SlotSession(slots: [0: "z", -1: "m", 10: "t"])
        #expect(try serializer.deserialize(serializer.serialize(session)) == session)
    }
}
#endif
