#if Macros
import Foundation
import SealedCookieMacros
import SealedCookieTestSupport
import Testing

/// Types that `@SessionJSON` conformed, coded by the package's serializer, against the same
/// types' synthesized `Codable` through Foundation's coders and through this package's decoder:
/// the same bytes, the same values, the same accepted documents.
@Suite struct SessionJSONCodingTests {
    static let corpusNames = ["tiny", "small", "medium", "large"]

    static func corpus(_ name: String) throws -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Corpus/\(name).json")
        return Array(try Data(contentsOf: url))
    }

    private func foundationBytes(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    /// The type read and written through its synthesized `Codable`, by this package's coders.
    struct ViaCodable<Value: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
        var value: Value
        init(value: Value) { self.value = value }
        init(from decoder: any Decoder) throws { value = try Value(from: decoder) }
        func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
    }

    @Test("the macro made the conformances")
    func conformances() {
        let types: [Any.Type] = [
            CorpusSession.self, CorpusSession.Flash.self, CorpusSession.Preferences.self,
            CorpusSession.Consent.self, CorpusSession.Cart.self, CorpusSession.Cart.Item.self, EdgeSession.self,
        ]
        for type in types { #expect(type is any SessionJSONCodable.Type, "\(type)") }
    }

    @Test("the sample documents: Foundation's values and bytes", arguments: corpusNames)
    func corpusDocuments(name: String) throws {
        let serializer = JSONSessionSerializer<CorpusSession>()
        let document = try Self.corpus(name)
        let session = try serializer.deserialize(document)
        #expect(session == (try JSONDecoder().decode(CorpusSession.self, from: Data(document))))
        #expect(try serializer.serialize(session) == (try foundationBytes(session)))
        #expect(
            try serializer.serialize(session)
                == (try JSONSessionSerializer<ViaCodable<CorpusSession>>().serialize(
                    ViaCodable(value: session))))
    }

    static func randomEdge(using generator: inout SeededGenerator) -> EdgeSession {
        let texts = ["", "é", "\"q\"", "a\\b", "line\nbreak", "🍪", "\u{1}"]
        func text() -> String { texts.randomElement(using: &generator) ?? "" }
        let numbers: [Double] = [0, -0.0, 1.5, 1e21, 1e-7, 9_007_199_254_740_992, .leastNonzeroMagnitude, 1e308]
        func number() -> Double { numbers.randomElement(using: &generator) ?? 0 }
        func integer() -> Int {
            [0, -1, Int.max, Int.min, 9_007_199_254_740_993].randomElement(using: &generator) ?? 0
        }
        let count = Int.random(in: 0...3, using: &generator)
        return EdgeSession(
            token: text(), default: integer(), first: integer(), second: integer(),
            note: Bool.random(using: &generator) ? text() : nil,
            seen: Bool.random(using: &generator) ? Date(timeIntervalSinceReferenceDate: 1_000_000.25) : nil,
            shape: Bool.random(using: &generator) ? .circle(radius: number()) : .none,
            counts: Dictionary(uniqueKeysWithValues: (0..<count).map { ("k\($0)\(text())", integer()) }),
            items: (0..<count).map { _ in
                CorpusSession.Cart.Item(sku: text(), name: text(), qty: integer(), price: number(), gift: true)
            },
            score: number())
    }

    @Test("wrappers, backticks, type aliases, dates, enums: Foundation's bytes, read back equal, secrets apart")
    func edgeValues() throws {
        let serializer = JSONSessionSerializer<EdgeSession>()
        var generator = SeededGenerator.forTest()
        for _ in 0..<300 {
            var session = Self.randomEdge(using: &generator)
            let bytes = try serializer.serialize(session)
            #expect(bytes == (try foundationBytes(session)), "\(String(decoding: bytes, as: UTF8.self))")
            #expect(try serializer.deserialize(bytes) == session)
            session.token = "the secret"
            let (body, secrets) = try serializer.serializeKeepingSecretsApart(session)
            #expect(!String(decoding: body, as: UTF8.self).contains("the secret"))
            #expect(try serializer.deserialize(body: body, secrets: secrets) == session)
        }
        // Missing: the type-aliased optional is nil, a required field is an error naming it.
        let minimal =
            #"{"counts":{},"default":1,"first":2,"items":[],"score":0,"second":3,"shape":{"none":{}},"token":"t"}"#
        #expect(try serializer.deserialize(Array(minimal.utf8)).note == nil)
        let missing = minimal.replacingOccurrences(of: #""first":2,"#, with: "")
        #expect {
            try serializer.deserialize(Array(missing.utf8))
        } throws: { error in
            guard case .keyNotFound(let key, _) = error as? DecodingError else { return false }
            return key.stringValue == "first"
        }
    }

    @Test("mutated sample documents: accepted exactly when through Codable, with the same values")
    func mutatedDocuments() throws {
        let fast = JSONSessionSerializer<CorpusSession>()
        let codable = JSONSessionSerializer<ViaCodable<CorpusSession>>()
        var generator = SeededGenerator.forTest()
        var accepted = 0
        for name in Self.corpusNames {
            let original = try Self.corpus(name)
            for _ in 0..<500 {
                let bytes = generator.mutated(original)
                let ours = try? fast.deserialize(bytes)
                #expect(ours == (try? codable.deserialize(bytes))?.value, "\(String(decoding: bytes, as: UTF8.self))")
                if ours != nil { accepted += 1 }
            }
        }
        #expect(accepted > 100)
    }
}
#endif
