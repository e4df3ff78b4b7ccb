import Foundation
import SealedCookieTestSupport
import Testing

@testable import SealedCookie

/// Values that write and read their own fields (``SessionJSONCodable``) against the same types'
/// synthesized `Codable`, through this package's decoder and through Foundation's coders: the
/// same bytes, the same values, the same accepted documents, and errors with the same path.
@Suite("SessionJSONCodable")
struct SessionJSONCodableTests {
    typealias MaybeText = String?

    /// Every kind of field the writer and reader have a path for, conformance written by hand
    /// as `@SessionJSON` writes it.
    struct Profile: Codable, Sendable, Equatable, SessionJSONCodable {
        struct Item: Codable, Sendable, Equatable, SessionJSONCodable {
            var qty: Int
            var sku: String

            func encodeJSONFields(to writer: inout SessionJSONWriter) throws {
                try writer.field("qty", qty)
                try writer.field("sku", sku)
            }

            init(qty: Int, sku: String) {
                self.qty = qty
                self.sku = sku
            }

            init(jsonFields reader: SessionJSONReader) throws {
                qty = try reader.field("qty")
                sku = try reader.field("sku")
            }
        }

        enum Shape: Codable, Sendable, Equatable {
            case circle(radius: Double)
            case none
        }

        var userID: String
        var age: Int
        var admin: Bool
        var score: Double
        var roles: [String]
        var recent: [Int]
        var nickname: String?
        var visits: Int?
        var verified: Bool?
        var ratio: Double?
        var tags: [String]?
        var items: [Item]
        var favourite: Item?
        var flags: [String: Bool]
        var seen: Date?
        var shape: Shape?
        var note: MaybeText
        @SessionSecret var token: String

        enum CodingKeys: String, CodingKey {
            case age, admin, score, roles, recent, nickname, visits, verified, ratio, tags, items, favourite, flags
            case seen, shape, note
            case userID = "user_id"
            case token = "csrf_token"
        }

        init(
            userID: String, age: Int, admin: Bool, score: Double, roles: [String], recent: [Int], nickname: String?,
            visits: Int?, verified: Bool?, ratio: Double?, tags: [String]?, items: [Item], favourite: Item?,
            flags: [String: Bool], seen: Date?, shape: Shape?, note: MaybeText, token: String
        ) {
            self.userID = userID
            self.age = age
            self.admin = admin
            self.score = score
            self.roles = roles
            self.recent = recent
            self.nickname = nickname
            self.visits = visits
            self.verified = verified
            self.ratio = ratio
            self.tags = tags
            self.items = items
            self.favourite = favourite
            self.flags = flags
            self.seen = seen
            self.shape = shape
            self.note = note
            _token = SessionSecret(wrappedValue: token)
        }

        func encodeJSONFields(to writer: inout SessionJSONWriter) throws {
            try writer.field("admin", admin)
            try writer.field("age", age)
            try writer.field("csrf_token", _token)
            try writer.field("favourite", favourite)
            try writer.field("flags", flags)
            try writer.field("items", items)
            try writer.field("nickname", nickname)
            try writer.field("note", note)
            try writer.field("ratio", ratio)
            try writer.field("recent", recent)
            try writer.field("roles", roles)
            try writer.field("score", score)
            try writer.field("seen", seen)
            try writer.field("shape", shape)
            try writer.field("tags", tags)
            try writer.field("user_id", userID)
            try writer.field("verified", verified)
            try writer.field("visits", visits)
        }

        init(jsonFields reader: SessionJSONReader) throws {
            admin = try reader.field("admin")
            age = try reader.field("age")
            _token = try reader.field("csrf_token")
            favourite = try reader.optionalField("favourite")
            flags = try reader.field("flags")
            items = try reader.field("items")
            nickname = try reader.optionalField("nickname")
            // A typealias of an optional reaches the generic `field`, as code generated from the
            // spelling `MaybeText` does.
            note = try reader.field("note")
            ratio = try reader.optionalField("ratio")
            recent = try reader.field("recent")
            roles = try reader.field("roles")
            score = try reader.field("score")
            seen = try reader.optionalField("seen")
            shape = try reader.optionalField("shape")
            tags = try reader.optionalField("tags")
            userID = try reader.field("user_id")
            verified = try reader.optionalField("verified")
            visits = try reader.optionalField("visits")
        }
    }

    static func randomProfile(using generator: inout SeededGenerator) -> Profile {
        let texts = ["", "a", "é", "\"q\"", "back\\slash", "line\nbreak", "🍪", "/path", "\u{1}"]
        func text() -> String { texts.randomElement(using: &generator) ?? "" }
        func maybe<T>(_ make: () -> T) -> T? { Bool.random(using: &generator) ? make() : nil }
        let numbers: [Double] = [
            0, -0.0, 1.5, -1, 1e21, 1e-7, 9_007_199_254_740_992, 9_007_199_254_740_994, .leastNonzeroMagnitude, 1e308,
        ]
        func number() -> Double { numbers.randomElement(using: &generator) ?? 0 }
        let integers = [0, -1, 42, Int.max, Int.min, 9_007_199_254_740_993]
        func integer() -> Int { integers.randomElement(using: &generator) ?? 0 }
        func item() -> Profile.Item { Profile.Item(qty: integer(), sku: text()) }
        let count = Int.random(in: 0...3, using: &generator)
        return Profile(
            userID: text(), age: integer(), admin: Bool.random(using: &generator), score: number(),
            roles: (0..<count).map { _ in text() }, recent: (0..<count).map { _ in integer() },
            nickname: maybe(text), visits: maybe(integer), verified: maybe { Bool.random(using: &generator) },
            ratio: maybe(number), tags: maybe { (0..<count).map { _ in text() } },
            items: (0..<count).map { _ in item() }, favourite: maybe(item),
            flags: Dictionary(uniqueKeysWithValues: (0..<count).map { ("flag \($0) \(text())", $0 % 2 == 0) }),
            seen: maybe { Date(timeIntervalSinceReferenceDate: number().isFinite ? 1_000_000.25 : 0) },
            shape: maybe { Bool.random(using: &generator) ? .circle(radius: number()) : Profile.Shape.none },
            note: maybe(text), token: text())
    }

    private func foundationBytes(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    @Test("random values: Foundation's bytes, and read back equal")
    func randomValuesMatchFoundation() throws {
        let serializer = JSONSessionSerializer<Profile>()
        var generator = SeededGenerator.forTest()
        for _ in 0..<400 {
            let profile = Self.randomProfile(using: &generator)
            let bytes = try serializer.serialize(profile)
            #expect(bytes == (try foundationBytes(profile)), "\(String(decoding: bytes, as: UTF8.self))")
            #expect(try serializer.deserialize(bytes) == profile)
        }
    }

    @Test("mutated documents: accepted exactly when the Codable path accepts them, with its values and Foundation's")
    func mutatedDocumentsAgreeWithFoundation() throws {
        let serializer = JSONSessionSerializer<Profile>()
        var generator = SeededGenerator.forTest()
        var accepted = 0
        var refused = 0
        for _ in 0..<300 {
            let original = try serializer.serialize(Self.randomProfile(using: &generator))
            for _ in 0..<10 {
                if agreesWithCodableAndFoundation(generator.mutated(original)) {
                    accepted += 1
                } else {
                    refused += 1
                }
            }
        }
        #expect(accepted > 100 && refused > 100)
    }

    /// Mutations that the random test above once failed on (seeds 0x3a4b9fcf0bb77345 and
    /// 0x2f32b49d6e2906c1): Int.min and Int.max written with an exponent or a fraction, whole
    /// numbers in range that Foundation refuses because their nearest `Double` is 2^63 in
    /// magnitude.
    @Test(
        "mutated documents found by the random test",
        arguments: [
            #"{"admin":true,"age":9007199254740993,"csrf_token":"a","#
                + #""favourite":{"qty":-9223372036854775808,"sku":"a"},"#
                + #""flags":{"flag 0 \"q\"":true,"flag 1 ":false,"flag 2 line\nbreak":true},"#
                + #""items":[{"qty":0,"sku":"🍪"},{"qty":-1,"sku":""},{"qty":9007199254740993,"sku":""}],"#
                + #""nickname":"a","ratio":1e-07,"recent":[-9223372036854775808e0,42],"#
                + #""roles":["\ue001","line\nbreak","é"],"score":1e+21,"seen":1000000.25,"#
                + #""tags":["back\\slash","back\\slash","/path"],"user_id":"","visits":-1}"#,
            #"{"admin":false,"age":0,"csrf_token":"back\\slash","favourite":{"qty":-1,"sku":"\"q\""},"#
                + #""flags":{"flag 0 🍪":true,"flag 1 \"q\"":false,"flag 2 ":true},"#
                + #""items":[{"qty":-1,"sku":"back\\slash"},{"qty":-1,"sku":"é"},"#
                + #"{"qty":9223372036854775807,"sku":"back\\slash"}],"recent":[0,9223372036854775807.0],"#
                + #""roles":["","line\nbreak","\u0001"],"score":1.5,"shape":{"none":{}},"user_id":"line\nbreak","#
                + #""vurified":true,"visits":9007199254740993}"#,
        ])
    func mutatedDocumentsFound(json: String) {
        #expect(agreesWithCodableAndFoundation(Array(json.utf8)))
    }

    /// Checks one document against the Codable path and Foundation; whether it was accepted.
    ///
    /// Foundation accepts more (duplicate keys, inexact integers: JSONStrictnessTests) and reads
    /// the same values, except that it reads an integer written with a fraction or an exponent
    /// through `Double`, and so refuses some whose nearest `Double` is out of `Int`'s range
    /// (Int.min as `-9223372036854775808e0`, Int.max as `9223372036854775807.0`), which this
    /// decoder reads exactly, on purpose (JSONSessionSerializerTests, "numbers at the edges").
    private func agreesWithCodableAndFoundation(_ bytes: [UInt8]) -> Bool {
        let ours = try? JSONSessionSerializer<Profile>().deserialize(bytes)
        let codable = try? JSONSessionSerializer<ViaCodable>().deserialize(bytes).profile
        let foundation = try? JSONDecoder().decode(Profile.self, from: Data(bytes))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(ours == codable, "\(text)")
        if ours != nil, foundation != nil || !Self.hasIntegerPastDoublesRange(bytes) {
            #expect(ours == foundation, "\(text)")
        }
        return ours != nil
    }

    /// Whether a number outside the strings of `bytes` (a valid document) has a fraction or an
    /// exponent and a nearest `Double` of magnitude 2^63, just past `Int`'s range: one Foundation
    /// may refuse as an `Int` although its exact value is in range. (Not any larger magnitude:
    /// the random doubles 1e21 and 1e308 would then exempt most documents.)
    private static func hasIntegerPastDoublesRange(_ bytes: [UInt8]) -> Bool {
        let numberBytes = Set("-+.eE0123456789".utf8)
        var inString = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if inString {
                if byte == UInt8(ascii: "\\") { index += 1 } else if byte == UInt8(ascii: "\"") { inString = false }
                index += 1
            } else if byte == UInt8(ascii: "\"") {
                inString = true
                index += 1
            } else if numberBytes.contains(byte) {
                let end = bytes[index...].firstIndex { !numberBytes.contains($0) } ?? bytes.count
                let number = String(decoding: bytes[index..<end], as: UTF8.self)
                let hasFractionOrExponent = number.contains { ".eE".contains($0) }
                if hasFractionOrExponent, let value = Double(number), value.magnitude == 0x1p63 { return true }
                index = end
            } else {
                index += 1
            }
        }
        return false
    }

    /// The same type read through its synthesized `init(from:)` by the same decoder: the path
    /// the fast one must match.
    struct ViaCodable: Codable, Sendable, Equatable {
        var profile: Profile
        init(from decoder: any Decoder) throws { profile = try Profile(from: decoder) }
        func encode(to encoder: any Encoder) throws { try profile.encode(to: encoder) }
    }

    private func viaCodableError(_ json: String) -> DecodingError? {
        do {
            _ = try JSONSessionSerializer<ViaCodable>().deserialize(Array(json.utf8))
            return nil
        } catch {
            return error as? DecodingError
        }
    }

    private func decodingError(_ json: String) -> DecodingError? {
        do {
            _ = try JSONSessionSerializer<Profile>().deserialize(Array(json.utf8))
            return nil
        } catch {
            return error as? DecodingError
        }
    }

    private static let valid =
        #"{"admin":true,"age":3,"csrf_token":"t","flags":{},"items":[{"qty":1,"sku":"a"},{"qty":2,"sku":"b"}],"#
        + #""recent":[],"roles":[],"score":1,"user_id":"u"}"#

    private func path(_ error: DecodingError?) -> [String]? {
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            context.codingPath.map(\.stringValue)
        case .keyNotFound(let key, let context): context.codingPath.map(\.stringValue) + [key.stringValue]
        default: nil
        }
    }

    @Test("errors name the field that failed, as through Codable")
    func codingPaths() throws {
        #expect(try JSONSessionSerializer<Profile>().deserialize(Array(Self.valid.utf8)).items.count == 2)
        let cases: [(String, String, [String])] = [
            (#""age":3"#, #""age":"3""#, ["age"]),
            (#""age":3"#, #""age":3.5"#, ["age"]),
            (#""user_id":"u""#, #""user_id":null"#, ["user_id"]),
            (#""user_id":"u""#, #""user_ids":"u""#, ["user_id"]),
            (#""roles":[]"#, #""roles":["a",1]"#, ["roles", "Index 1"]),
            (#""recent":[]"#, #""recent":{}"#, ["recent"]),
            (#""flags":{}"#, #""flags":{"a":1}"#, ["flags", "a"]),
            (#""qty":2"#, #""qty":"2""#, ["items", "Index 1", "qty"]),
            (#""sku":"b""#, #""skus":"b""#, ["items", "Index 1", "sku"]),
            (#""score":1"#, #""score":1e999"#, ["score"]),
            (#""csrf_token":"t""#, #""csrf_token":7"#, ["csrf_token"]),
        ]
        for (original, replacement, expected) in cases {
            let json = Self.valid.replacingOccurrences(of: original, with: replacement)
            #expect(path(decodingError(json)) == expected, "\(json)")
            #expect(path(viaCodableError(json)) == expected, "through Codable, \(json)")
        }
    }

    @Test("an optional behind a typealias is nil when its key is missing or null, as in Codable")
    func optionalTypealias() throws {
        let serializer = JSONSessionSerializer<Profile>()
        #expect(try serializer.deserialize(Array(Self.valid.utf8)).note == nil)
        let null = Self.valid.replacingOccurrences(of: #""age":3"#, with: #""age":3,"note":null"#)
        #expect(try serializer.deserialize(Array(null.utf8)).note == nil)
        let text = Self.valid.replacingOccurrences(of: #""age":3"#, with: #""age":3,"note":"n""#)
        #expect(try serializer.deserialize(Array(text.utf8)).note == "n")
    }

    @Test("a secret field of a conforming value goes to the secret section")
    func secretSection() throws {
        let serializer = JSONSessionSerializer<Profile>()
        var generator = SeededGenerator.forTest()
        var profile = Self.randomProfile(using: &generator)
        profile.token = "the secret"
        let (body, secrets) = try serializer.serializeKeepingSecretsApart(profile)
        #expect(!String(decoding: body, as: UTF8.self).contains("the secret"))
        #expect(String(decoding: secrets, as: UTF8.self).contains("the secret"))
        #expect(try serializer.deserialize(body: body, secrets: secrets) == profile)
    }

    /// A conformance that writes its keys out of order.
    struct Unsorted: Codable, Sendable, Equatable, SessionJSONCodable {
        var b: Int
        var a: String

        init(b: Int, a: String) {
            self.b = b
            self.a = a
        }

        func encodeJSONFields(to writer: inout SessionJSONWriter) throws {
            try writer.field("b", b)
            try writer.field("a", a)
        }

        init(jsonFields reader: SessionJSONReader) throws {
            b = try reader.field("b")
            a = try reader.field("a")
        }
    }

    @Test("keys written out of order still give sorted output (through Codable)")
    func unsortedFallsBack() throws {
        let value = [Unsorted(b: 1, a: "x"), Unsorted(b: 2, a: "y")]
        let bytes = try JSONSessionSerializer<[Unsorted]>().serialize(value)
        #expect(String(decoding: bytes, as: UTF8.self) == #"[{"a":"x","b":1},{"a":"y","b":2}]"#)
        #expect(try JSONSessionSerializer<[Unsorted]>().deserialize(bytes) == value)
    }

    @Test("a document with a duplicate key is refused, as by the Codable path")
    func duplicateKeys() {
        let json = Self.valid.replacingOccurrences(of: #""age":3"#, with: #""age":3,"age":4"#)
        #expect(decodingError(json) != nil)
    }
}
