import Foundation
import SealedCookieTestSupport
import Testing

@testable import SealedCookie

/// Mutated and random documents through the streaming decoder: it never traps, and whenever it
/// and Foundation both accept a document they read the same value.
///
/// Where the two differ on purpose: this decoder refuses duplicate keys (Foundation takes the
/// first occurrence), so a mutation that duplicates a key is compared with nothing; see
/// JSONStrictnessTests.
@Suite struct JSONFuzzTests {
    typealias AnyJSON = JSONValue

    @Test func mutatedCorpusDocumentsNeverTrapAndAgreeWithFoundation() throws {
        let serializer = JSONSessionSerializer<AnyJSON>()
        let interesting: [UInt8] =
            Array("{}[]\",:\\-+.eE0123456789tfnul \u{7F}".utf8) + [0x00, 0xC3, 0xA9, 0xFF, 0xED, 0xA0, 0x80]
        var generator = SeededGenerator.forTest()
        var agreed = 0
        for name in Fixture.corpusNames {
            let original = try Fixture.corpus(name)
            for _ in 0..<400 {
                let bytes = generator.mutated(original, maxEdits: 4, interesting: interesting)
                let ours = try? serializer.deserialize(bytes)
                let foundation = try? JSONDecoder().decode(AnyJSON.self, from: Data(bytes))
                if let ours, let foundation {
                    #expect(ours == foundation, "\(name): \(String(decoding: bytes, as: UTF8.self))")
                    agreed += 1
                }
            }
        }
        #expect(agreed > 0)
    }

    @Test func deepNestingIsRejectedNotOverflowed() {
        let serializer = JSONSessionSerializer<AnyJSON>()
        let deep =
            Array(repeating: UInt8(ascii: "["), count: 100_000) + Array(repeating: UInt8(ascii: "]"), count: 100_000)
        #expect(throws: (any Error).self) { try serializer.deserialize(deep) }
        let unclosed = Array(repeating: UInt8(ascii: "{"), count: 10_000)
        #expect(throws: (any Error).self) { try serializer.deserialize(unclosed) }
    }

    @Test func randomBytesNeverTrap() {
        let serializer = JSONSessionSerializer<AnyJSON>()
        var generator = SeededGenerator.forTest()
        for length in 0..<300 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            _ = try? serializer.deserialize(bytes)
        }
    }

    static func randomValue(depth: Int, using generator: inout SeededGenerator) -> AnyJSON {
        let scalars: [Character] = [
            "a", "Z", "é", "\u{0}", "\u{1F}", "\"", "\\", "/", "\u{2028}", "🍪", "\n", "\t", "~", "\u{7F}",
        ]
        func text() -> String {
            String(
                (0..<Int.random(in: 0...6, using: &generator)).map { _ in
                    scalars.randomElement(using: &generator) ?? "a"
                })
        }
        switch Int.random(in: 0..<(depth > 3 ? 5 : 7), using: &generator) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &generator))
        case 2:
            let numbers: [Double] = [
                0, -0.0, 1, -1, 0.1, 1e21, 1e-7, 123_456_789_012, 3.141592653589793, 9_007_199_254_740_992,
                .leastNonzeroMagnitude,
            ]
            return .number(numbers.randomElement(using: &generator) ?? 0)
        case 3, 4: return .string(text())
        case 5:
            return .array(
                (0..<Int.random(in: 0...4, using: &generator)).map { _ in
                    randomValue(depth: depth + 1, using: &generator)
                })
        default:
            var object: [String: AnyJSON] = [:]
            for _ in 0..<Int.random(in: 0...5, using: &generator) {
                object[text()] = randomValue(depth: depth + 1, using: &generator)
            }
            return .object(object)
        }
    }

    @Test func randomValuesEncodeLikeFoundationAndRoundTrip() throws {
        let serializer = JSONSessionSerializer<AnyJSON>()
        let foundation = JSONEncoder()
        foundation.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var generator = SeededGenerator.forTest()
        for _ in 0..<500 {
            let value = Self.randomValue(depth: 0, using: &generator)
            let ours = try serializer.serialize(value)
            #expect(ours == Array(try foundation.encode(value)), "\(value)")
            #expect(try serializer.deserialize(ours) == value)
        }
    }
}
