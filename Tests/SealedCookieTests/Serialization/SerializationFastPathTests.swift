import Foundation
import Testing

@testable import SealedCookie

/// The fast paths of the streaming encoder and the tape decoder (key order by prefix, integer
/// digits, word-at-a-time string scanning, one lookup per optional, arrays and string-keyed
/// dictionaries read straight from the tape, ASCII key checks, UTF-8 validation) against
/// Foundation and against the coding paths an application expects.
@Suite("Serialization fast paths")
struct SerializationFastPathTests {
    private func foundation<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    @Test("keys sharing their first eight bytes, NULs and empty keys sort as in Foundation")
    func keyOrder() throws {
        let keys = [
            "abcdefgh", "abcdefghi", "abcdefg", "abcdefgh\u{0}", "a\u{0}", "a", "", "\u{0}", "abcdefgi", "ü", "z", "Z",
        ]
        var value: [String: Int] = [:]
        for (index, key) in keys.enumerated() { value[key] = index }
        #expect(try JSONSessionSerializer<[String: Int]>().serialize(value) == (try foundation(value)))
    }

    @Test("output past 4 KiB, objects past the entries kept on the stack, nesting past 16 frames")
    func beyondTheStackScratch() throws {
        struct Level: Codable, Sendable, Equatable {
            var name: String
            var inner: [Level]
        }
        var many: [String: Int] = [:]
        for index in 0..<300 { many["key \(index * 7919 % 1000)"] = index }
        var deep = Level(name: "leaf", inner: [])
        for depth in 0..<40 { deep = Level(name: "level \(depth)", inner: [deep]) }
        let long = String(repeating: "x\"y\\z ", count: 2000)
        #expect(try JSONSessionSerializer<[String: Int]>().serialize(many) == (try foundation(many)))
        #expect(try JSONSessionSerializer<Level>().serialize(deep) == (try foundation(deep)))
        #expect(try JSONSessionSerializer<[String]>().serialize([long]) == (try foundation([long])))
        #expect(
            try JSONSessionSerializer<Level>().deserialize(try JSONSessionSerializer<Level>().serialize(deep)) == deep)
    }

    /// A value that keeps its decoder past `init(from:)` (legal, if odd).
    struct KeepsDecoder: Decodable {
        enum Key: String, CodingKey { case a, b }
        nonisolated(unsafe) static var kept: (any Decoder)?
        init(from decoder: any Decoder) throws {
            Self.kept = decoder
            _ = try decoder.container(keyedBy: Key.self).decode(Int.self, forKey: .b)
        }
    }

    @Test("a decoder kept past the decode call still reads its document")
    func keptDecoder() throws {
        _ = try TapeJSONDecoder.decode(KeepsDecoder.self, from: Array(#"{"a":1,"b":2}"#.utf8))
        let decoder = try #require(KeepsDecoder.kept)
        KeepsDecoder.kept = nil
        let container = try decoder.container(keyedBy: KeepsDecoder.Key.self)
        #expect(try container.decode(Int.self, forKey: .a) == 1)
        #expect(try container.decode(Int.self, forKey: .b) == 2)
    }

    @Test("integers at the edges of every width are written as Foundation writes them")
    func integers() throws {
        struct Integers: Codable, Sendable, Equatable {
            var values: [Int] = [0, 9, 10, -1, -9, -10, 99, 100, Int.max, Int.min]
            var int8 = [Int8.min, Int8.max]
            var int16 = [Int16.min, Int16.max]
            var int32 = [Int32.min, Int32.max]
            var int64 = [Int64.min, Int64.max]
            var uint8 = [UInt8.min, UInt8.max]
            var uint64: [UInt64] = [UInt64.min, UInt64.max, 1 << 53, (1 << 53) + 1]
        }
        let value = Integers()
        let bytes = try JSONSessionSerializer<Integers>().serialize(value)
        #expect(bytes == (try foundation(value)))
        #expect(try JSONSessionSerializer<Integers>().deserialize(bytes) == value)
    }

    @Test("strings needing escapes at every position of an eight-byte word")
    func escapes() throws {
        for length in 0..<20 {
            for position in 0..<max(length, 1) {
                for special in ["\"", "\\", "\u{1}", "\n", "\u{1F}", "é"] {
                    var characters = Array(repeating: "a", count: length)
                    if length > 0 { characters[position] = special }
                    let text = characters.joined()
                    let bytes = try JSONSessionSerializer<[String]>().serialize([text])
                    #expect(bytes == (try foundation([text])))
                    #expect(try JSONSessionSerializer<[String]>().deserialize(bytes) == [text])
                }
            }
        }
    }

    struct Nested: Codable, Sendable, Equatable {
        var flags: [String: Bool]?
        var lists: [String: [Int]]?
        var names: [String]?
        var count: Int?
    }

    private func codingPath(_ json: String) -> [String]? {
        do {
            _ = try JSONSessionSerializer<Nested>().deserialize(Array(json.utf8))
            return nil
        } catch let error as DecodingError {
            switch error {
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context),
                .dataCorrupted(let context):
                return context.codingPath.map(\.stringValue)
            @unknown default:
                return nil
            }
        } catch {
            return nil
        }
    }

    @Test("a failure deep inside arrays, dictionaries and optionals carries its coding path")
    func nestedFailures() {
        #expect(codingPath(#"{"flags":{"a":true,"b":1}}"#) == ["flags", "b"])
        #expect(codingPath(#"{"lists":{"k":[1,"x"]}}"#) == ["lists", "k", "Index 1"])
        #expect(codingPath(#"{"names":["a",2]}"#) == ["names", "Index 1"])
        #expect(codingPath(#"{"count":"7"}"#) == ["count"])
        #expect(codingPath(#"{"count":1.5}"#) == ["count"])
        #expect(codingPath(#"{"names":["a",null]}"#) == ["names", "Index 1"])
    }

    @Test("optionals: missing or null is nil, present is read, and values match Foundation")
    func optionals() throws {
        for json in [
            #"{}"#, #"{"count":null,"names":null}"#, #"{"count":3,"names":["x"],"flags":{},"lists":{"a":[]}}"#,
        ] {
            let ours = try JSONSessionSerializer<Nested>().deserialize(Array(json.utf8))
            #expect(ours == (try JSONDecoder().decode(Nested.self, from: Data(json.utf8))))
        }
    }

    @Test("duplicate keys are refused, ASCII or not, in structs and dictionaries")
    func duplicates() {
        for json in [
            #"{"count":1,"count":2}"#, #"{"flags":{"a":true,"a":false}}"#, #"{"flags":{"\u00e9":true,"é":false}}"#,
            "{\"flags\":{\"\u{E9}\":true,\"e\u{301}\":false}}",
        ] {
            #expect(throws: DecodingError.self) { try JSONSessionSerializer<Nested>().deserialize(Array(json.utf8)) }
        }
        #expect(throws: Never.self) {
            try JSONSessionSerializer<Nested>().deserialize(Array(#"{"flags":{"a":true,"A":false,"a ":true}}"#.utf8))
        }
    }

    @Test("UTF-8 is validated strictly: overlong forms, surrogates, too large, truncated")
    func utf8() throws {
        let invalid: [[UInt8]] = [
            [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
            [0xF5, 0x80, 0x80, 0x80], [0xE2, 0x82], [0x80], [0xF0, 0x9F, 0x99], [0xFF],
        ]
        for bytes in invalid {
            #expect(throws: DecodingError.self) {
                try JSONSessionSerializer<String>().deserialize([0x22] + bytes + [0x22])
            }
            #expect(throws: DecodingError.self) {
                try JSONSessionSerializer<String>().deserialize([0x22, 0x5C, 0x6E] + bytes + [0x22])
            }
        }
        let valid = ["é", "€", "🙂", "\u{10FFFF}", "\u{D7FF}", "\u{E000}", "a\u{80}b"]
        for text in valid {
            #expect(try JSONSessionSerializer<String>().deserialize([0x22] + Array(text.utf8) + [0x22]) == text)
        }
    }
}
