import Foundation
import SealedCookieTestSupport
import Testing

@testable import SealedCookie

/// Dictionaries whose keys are converted from the JSON key (`[Int: V]`, `CodingKeyRepresentable`
/// keys) or read from an array of pairs (other key types): the duplicate-key rule applies after
/// the conversion, and an integer key must be spelled as the encoder writes it.
///
/// Foundation's `JSONDecoder` (through `Dictionary.init(from:)`, which converts with
/// `Int(_:)`) reads `{"1":"a","01":"b"}` as `[1: "b"]`, and `{"01":"b","1":"a"}` as `[1: "a"]`
/// or `[1: "b"]` from one process to the next (it walks the keys in hash order); it accepts
/// `"+1"` and `"-0"`, and keeps the last of two equal keys in an array of pairs (`[1, "a", 1.0,
/// "b"]` as `[Double: String]`). Here each of those is a `DecodingError`.
@Suite("JSON dictionary keys after conversion")
struct JSONDictionaryKeyTests {
    struct Slots: Codable, Equatable, Sendable {
        var slots: [Int: String]
    }

    enum Level: Int, Codable, CodingKeyRepresentable, Sendable {
        case one = 1
        case two = 2
    }

    enum Code: String, Codable, CodingKeyRepresentable, Sendable {
        case padded = "01"
        case plain = "1"
    }

    static func decode<T: Codable & Sendable>(_ type: T.Type, _ json: String) throws -> T {
        try JSONSessionSerializer<T>().deserialize(Array(json.utf8))
    }

    @Test(
        "two spellings of one Int key are a duplicate, in either order and nested",
        arguments: [
            #"{"1":"a","01":"b"}"#, #"{"01":"b","1":"a"}"#, #"{"1":"a","+1":"b"}"#, #"{"0":"a","-0":"b"}"#,
            #"{"-1":"a","-01":"b"}"#,
        ])
    func convertedDuplicates(json: String) throws {
        #expect(throws: DecodingError.self) { try Self.decode([Int: String].self, json) }
        #expect(throws: DecodingError.self) { try Self.decode(Slots.self, #"{"slots":\#(json)}"#) }
        #expect(throws: DecodingError.self) { try Self.decode([String: [Int: String]].self, #"{"x":\#(json)}"#) }
    }

    @Test(
        "an Int key not spelled as String(value) is refused on its own",
        arguments: ["01", "+1", "-0", " 1", "1 ", "00", "1e0", "0x1", "9223372036854775808", "", "one"])
    func nonCanonicalIntegerKeys(key: String) throws {
        #expect(throws: DecodingError.self) { try Self.decode([Int: String].self, #"{"\#(key)":"a"}"#) }
    }

    @Test("canonical Int keys decode, down to the extremes")
    func canonicalIntegerKeys() throws {
        let json = #"{"0":"z","-1":"m","10":"t","9223372036854775807":"max","-9223372036854775808":"min"}"#
        #expect(
            try Self.decode([Int: String].self, json)
                == [0: "z", -1: "m", 10: "t", Int.max: "max", Int.min: "min"])
    }

    @Test("an Int-backed key type meets \"01\" as a key it does not know; a String-backed one as its raw value")
    func codingKeyRepresentableKeys() throws {
        #expect(throws: DecodingError.self) { try Self.decode([Level: String].self, #"{"01":"a"}"#) }
        #expect(throws: DecodingError.self) { try Self.decode([Level: String].self, #"{"1":"a","+1":"b"}"#) }
        #expect(try Self.decode([Level: String].self, #"{"1":"a","2":"b"}"#) == [.one: "a", .two: "b"])
        #expect(try Self.decode([Code: String].self, #"{"01":"a","1":"b"}"#) == [.padded: "a", .plain: "b"])
    }

    @Test("a dictionary read from pairs refuses two keys that decode equal")
    func pairDuplicates() throws {
        #expect(throws: DecodingError.self) { try Self.decode([Double: String].self, #"[1,"a",1.0,"b"]"#) }
        #expect(throws: DecodingError.self) { try Self.decode([Double: String].self, #"[1,"a",2]"#) }
        #expect(try Self.decode([Double: String].self, #"[1,"a",2.5,"b"]"#) == [1: "a", 2.5: "b"])
    }

    /// Invariant over seeded dictionaries: the encoder's own output decodes to the same value;
    /// the same entries with one key respelled (a sign, a leading zero, whitespace) or with a
    /// second spelling of a key added never decode.
    @Test("seeded: written spellings round-trip, any other spelling or a second one is refused")
    func seededSpellings() async throws {
        var generator = SeededGenerator.forTest()
        let serializer = JSONSessionSerializer<[Int: Int]>()
        for _ in 0..<3000 {
            // Seconds of work: yielding keeps the tests' shared threads free for deadlines.
            await Task.yield()
            var dictionary: [Int: Int] = [:]
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                let key =
                    Bool.random(using: &generator)
                    ? Int.random(in: -20...20, using: &generator) : Int(truncatingIfNeeded: generator.next())
                dictionary[key] = Int.random(in: 0...99, using: &generator)
            }
            #expect(try serializer.deserialize(serializer.serialize(dictionary)) == dictionary)

            var entries = dictionary.map { (spelling: String($0.key), value: $0.value) }.shuffled(using: &generator)
            let target = Int.random(in: 0..<entries.count, using: &generator)
            let respelled = Self.respell(entries[target].spelling, using: &generator)
            if Bool.random(using: &generator) {
                entries[target].spelling = respelled
            } else {
                entries.insert((respelled, 0), at: Int.random(in: 0...entries.count, using: &generator))
            }
            let json = "{" + entries.map { "\"\($0.spelling)\":\($0.value)" }.joined(separator: ",") + "}"
            #expect(throws: DecodingError.self, "\(json)") { try serializer.deserialize(Array(json.utf8)) }
        }
    }

    /// Another spelling of the integer `canonical`: one that `Int(_:)` reads as the same value
    /// (leading zeros, a `+`, `-0`), or one with a space around it.
    private static func respell(_ canonical: String, using generator: inout SeededGenerator) -> String {
        let isNegative = canonical.hasPrefix("-")
        let digits = isNegative ? String(canonical.dropFirst()) : canonical
        let zeros = String(repeating: "0", count: Int.random(in: 1...3, using: &generator))
        switch Int.random(in: 0..<4, using: &generator) {
        case 0: return (isNegative ? "-" : "") + zeros + digits
        case 1: return isNegative ? "-" + zeros + digits : (digits == "0" ? "-0" : "+" + digits)
        case 2: return " " + canonical
        default: return canonical + " "
        }
    }
}
