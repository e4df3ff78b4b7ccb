import Foundation
import Testing

@testable import SealedCookie

/// The package's streaming encoder and tape decoder must write and read exactly what
/// Foundation's JSONEncoder (`[.sortedKeys, .withoutEscapingSlashes]`) and JSONDecoder do.
@Suite("JSONSessionSerializer parity with Foundation")
struct JSONSessionSerializerTests {
    enum Plan: String, Codable, Sendable, Equatable { case free, pro }

    struct Inner: Codable, Sendable, Equatable {
        var a: Int
        var list: [Inner]?
    }

    struct Everything: Codable, Sendable, Equatable {
        var text =
            "quote \" backslash \\ slash / tab \t newline \n cr \r bell \u{07} nul \u{00} del \u{7F} ü 🙂 \u{2028}"
        var empty = ""
        var int = Int.min
        var uint = UInt64.max
        var int8: Int8 = -8
        var doubles: [Double] = [
            0, -0.0, 0.1, 219.0, 139.95, 1e20, 1e21, 1.5e-7, .leastNonzeroMagnitude, .greatestFiniteMagnitude,
        ]
        var float: Float = 3.14
        var flag = true
        var none: String? = nil
        var plan = Plan.pro
        var inner = Inner(a: 1, list: [Inner(a: 2, list: []), Inner(a: 3, list: nil)])
        var nested: [[Int]] = [[], [1], [2, 3]]
        var dictionary: [String: Int] = [
            "b": 1, "a": 2, "B": 3, "_x": 4, "a10": 5, "a9": 6, "Zeta": 7, "é": 8, "ab-c": 9, "ab.c": 10,
        ]
        var intKeys: [Int: String] = [10: "ten", 9: "nine", 100: "hundred"]
        var data = Data([0, 1, 2, 250, 251, 252])
        var url = URL(string: "https://example.com/a/b?c=d&e=%20")
        var date = Date(timeIntervalSinceReferenceDate: 123_456.789)
        var decimal = Decimal(string: "12.345")
        var optionalArray: [Int?] = [1, nil, 3]
        var set: [String: [String: Bool]] = ["z": ["y": true, "x": false], "a": [:]]
    }

    /// Encodes nothing: Foundation writes `{}`.
    struct Silent: Codable, Sendable, Equatable {
        func encode(to encoder: any Encoder) throws {}
        init() {}
        init(from decoder: any Decoder) throws {}
    }

    class Base: Codable, @unchecked Sendable {
        var base = 1
    }

    /// Uses a super encoder: encoded by the Foundation fallback.
    final class Derived: Base, @unchecked Sendable {
        var derived = 2
        enum CodingKeys: String, CodingKey { case derived }
        override init() { super.init() }
        required init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            derived = try container.decode(Int.self, forKey: .derived)
            try super.init(from: container.superDecoder())
        }
        override func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(derived, forKey: .derived)
            try super.encode(to: container.superEncoder())
        }
    }

    func foundation<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    @Test("writes the same bytes as Foundation")
    func sameBytes() throws {
        let serializer = JSONSessionSerializer<Everything>()
        let ours = try serializer.serialize(Everything())
        let theirs = try foundation(Everything())
        #expect(String(decoding: ours, as: UTF8.self) == String(decoding: theirs, as: UTF8.self))
        #expect(try JSONSessionSerializer<Silent>().serialize(Silent()) == Array("{}".utf8))
        #expect(try JSONSessionSerializer<[Int]>().serialize([]) == Array("[]".utf8))
        #expect(try JSONSessionSerializer<String>().serialize("x") == Array("\"x\"".utf8))
        #expect(try JSONSessionSerializer<Derived>().serialize(Derived()) == foundation(Derived()))
    }

    @Test(
        "sorts keys as Foundation does",
        arguments: [
            ["b", "a", "c"], ["a10", "a9", "a1", "a01"], ["B", "a", "_", "-", ".", "Z"], ["é", "e", "f", "E"],
            ["user_id", "userId", "user-id", "user.id", "USER_ID"], ["x2y", "x10y", "x2", "x"], ["", "a", " "],
            ["ü", "u\u{308}x", "z", "日本", "🙂", "ﬀ"],
        ])
    func keyOrder(keys: [String]) throws {
        let dictionary = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
        #expect(try JSONSessionSerializer<[String: Int]>().serialize(dictionary) == foundation(dictionary))
    }

    @Test("sorts large objects as Foundation does")
    func largeObject() throws {
        let dictionary = Dictionary(uniqueKeysWithValues: (0..<300).map { ("key\(($0 * 7919) % 1000)", $0) })
        #expect(try JSONSessionSerializer<[String: Int]>().serialize(dictionary) == foundation(dictionary))
    }

    @Test("reads back what it writes, and what Foundation writes")
    func roundTrip() throws {
        let serializer = JSONSessionSerializer<Everything>()
        let value = Everything()
        #expect(try serializer.deserialize(serializer.serialize(value)) == value)
        #expect(try serializer.deserialize(foundation(value)) == value)
        let derived = try JSONSessionSerializer<Derived>().deserialize(foundation(Derived()))
        #expect(derived.base == 1 && derived.derived == 2)
    }

    @Test("reads the sample corpus as Foundation does")
    func corpus() throws {
        for name in ["tiny", "small", "medium", "large"] {
            let bytes = try Fixture.corpus(name)
            let value = try JSONSessionSerializer<[String: JSONValue]>().deserialize(bytes)
            #expect(value == (try JSONDecoder().decode([String: JSONValue].self, from: Data(bytes))))
            #expect(try JSONSessionSerializer<[String: JSONValue]>().serialize(value) == foundation(value))
        }
    }

    @Test(
        "rejects what is not JSON, without crashing",
        arguments: [
            "", " ", "{", "}", "[1,]", "[,1]", "{\"a\"}", "{\"a\":}", "{a:1}", "01", "1.", ".5", "-", "1e", "+1", "tru",
            "nul",
            "\"abc", "\"\\x\"", "\"\\u12\"", "\"\\ud800\"", "\"\\udc00x\"", "\"a\u{01}b\"", "[1] 2", "{\"a\":1,}",
            "NaN",
            String(repeating: "[", count: 600) + String(repeating: "]", count: 600),
        ])
    func malformed(text: String) {
        #expect(throws: DecodingError.self) { try JSONSessionSerializer<JSONValue>().deserialize(Array(text.utf8)) }
    }

    @Test("rejects invalid UTF-8")
    func invalidUTF8() {
        #expect(throws: DecodingError.self) {
            try JSONSessionSerializer<String>().deserialize([0x22, 0xC3, 0x28, 0x22])
        }
    }

    @Test("reports type mismatches, missing keys and overflow with their coding path")
    func errors() throws {
        let serializer = JSONSessionSerializer<Inner>()
        do {
            _ = try serializer.deserialize(Array(#"{"a":1,"list":[{"a":"x"}]}"#.utf8))
            Issue.record("expected a type mismatch")
        } catch DecodingError.typeMismatch(_, let context) {
            #expect(context.codingPath.map(\.stringValue) == ["list", "Index 0", "a"])
        }
        #expect(throws: DecodingError.self) { try serializer.deserialize(Array(#"{"list":[]}"#.utf8)) }
        // An optional is nil when its key is missing or its value null, and a wrong type still throws.
        #expect(try serializer.deserialize(Array(#"{"a":1,"list":null}"#.utf8)) == Inner(a: 1, list: nil))
        #expect(throws: DecodingError.self) { try serializer.deserialize(Array(#"{"a":1,"list":5}"#.utf8)) }
        #expect(throws: DecodingError.self) { try JSONSessionSerializer<Int8>().deserialize(Array("128".utf8)) }
        #expect(throws: DecodingError.self) { try JSONSessionSerializer<Double>().deserialize(Array("1e400".utf8)) }
        #expect(try JSONSessionSerializer<Int>().deserialize(Array("1e3".utf8)) == 1000)
    }

    @Test("numbers at the edges: a whole number written with a fraction or exponent, underflow")
    func inexactIntegers() throws {
        let int = JSONSessionSerializer<Int>()
        let whole: [(String, Int)] = [
            ("1.0", 1), ("100e-2", 1), ("-0.0", 0), ("0e99999", 0), ("1.5e1", 15), ("-12.300e1", -123),
            ("9223372036854775.807e3", Int.max), ("-9.223372036854775808E18", Int.min), ("0.10e1", 1),
        ]
        for (text, value) in whole { #expect(try int.deserialize(Array(text.utf8)) == value, "\(text)") }
        // Each of these rounds to a whole Double, which used to be accepted.
        let fractional = [
            "9223372036854775.807", "1.0000000000000001", "4503599627370496.5", "1e-400", "9.223372036854775808e18",
            "1e40", "123456789e99999",
        ]
        for text in fractional {
            #expect(throws: DecodingError.self, "\(text)") { try int.deserialize(Array(text.utf8)) }
        }
        #expect(try JSONSessionSerializer<UInt8>().deserialize(Array("2.55e2".utf8)) == 255)
        // A number too small for a Double is refused, not read as zero; zero itself and the
        // smallest subnormal are read.
        let double = JSONSessionSerializer<Double>()
        #expect(throws: DecodingError.self) { try double.deserialize(Array("5e-9324".utf8)) }
        #expect(throws: DecodingError.self) { try double.deserialize(Array("-1e-400".utf8)) }
        #expect(try double.deserialize(Array("0e-9999".utf8)) == 0)
        #expect(try double.deserialize(Array("-0.000".utf8)) == 0)
        #expect(try double.deserialize(Array("5e-324".utf8)) == .leastNonzeroMagnitude)
        #expect(throws: DecodingError.self) { try JSONSessionSerializer<UInt8>().deserialize(Array("2.56e2".utf8)) }
        #expect(throws: EncodingError.self) { try JSONSessionSerializer<Double>().serialize(.nan) }
    }
}
