import Foundation
import SealedCookie
import Testing

/// A session as an application holds it: the content of a JSON document (read by Foundation's
/// `JSONDecoder`, not by the tool) in a `Codable` type, with the named top-level fields marked
/// `@SessionSecret`, sealed through `SessionCodec` and `JSONSessionSerializer`.
struct AppSession: Codable, Sendable {
    /// Any JSON value, with the types an application's fields have: `Int` for a whole number
    /// that fits, otherwise `Double`.
    enum Value: Codable, Sendable {
        case null
        case bool(Bool)
        case integer(Int)
        case number(Double)
        case string(String)
        case array([Value])
        case object([String: Value])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let value = try? container.decode(Bool.self) {
                self = .bool(value)
            } else if let value = try? container.decode(Int.self) {
                self = .integer(value)
            } else if let value = try? container.decode(Double.self) {
                self = .number(value)
            } else if let value = try? container.decode(String.self) {
                self = .string(value)
            } else if let value = try? container.decode([Value].self) {
                self = .array(value)
            } else {
                self = .object(try container.decode([String: Value].self))
            }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .null: try container.encodeNil()
            case .bool(let value): try container.encode(value)
            case .integer(let value): try container.encode(value)
            case .number(let value): try container.encode(value)
            case .string(let value): try container.encode(value)
            case .array(let value): try container.encode(value)
            case .object(let value): try container.encode(value)
            }
        }
    }

    struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    let value: Value
    let secretFields: Set<String>

    init(json: Data, secretFields: Set<String> = []) throws {
        value = try JSONDecoder().decode(Value.self, from: json)
        self.secretFields = secretFields
    }

    init(from decoder: any Decoder) throws {
        value = try Value(from: decoder)
        secretFields = []
    }

    /// An object's fields one by one, as a `Codable` struct writes them, the secret ones
    /// through `SessionSecret`.
    func encode(to encoder: any Encoder) throws {
        guard case .object(let members) = value else { return try value.encode(to: encoder) }
        var container = encoder.container(keyedBy: Key.self)
        for (name, member) in members {
            if secretFields.contains(name) {
                try container.encode(SessionSecret(wrappedValue: member), forKey: Key(stringValue: name))
            } else {
                try container.encode(member, forKey: Key(stringValue: name))
            }
        }
    }
}

@Suite("what the tool reports is what SessionCodec gives")
struct LibraryParityTests {
    /// One way of sealing, as the tool's options and as the library's configuration.
    struct Options: CustomStringConvertible {
        let arguments: [String]
        let compression: SessionCodecConfiguration.Compression
        var padding: SessionCodecConfiguration.Padding = .none
        var secretFields: Set<String> = []

        var description: String { arguments.isEmpty ? "(defaults)" : arguments.joined(separator: " ") }

        /// What opening needs of them: the dictionary and the secret fields.
        var openingArguments: [String] {
            var arguments: [String] = []
            if case .zstd(let ring, _) = compression, !ring.primary.isBuiltIn {
                arguments += ["--dictionary", ToolRunner.sampleDictionary]
            }
            return arguments + secretFields.sorted().flatMap { ["--secret-field", $0] }
        }
    }

    static let corpus = ToolRunner.repository.appendingPathComponent("Corpus")
    /// Fields of the corpus documents that hold tokens, and one that none has.
    static let secrets = ["csrf_token", "csrf", "access_token", "absent"]

    static func options() throws -> [Options] {
        let dictionary = ["--dictionary", ToolRunner.sampleDictionary]
        let ring = try SessionDictionaryRing(primary: SessionDictionary(contentsOfFile: ToolRunner.sampleDictionary))
        let secretArguments = secrets.flatMap { ["--secret-field", $0] }
        let generic = SessionCodecConfiguration.Compression.default
        return [
            Options(arguments: [], compression: generic),
            Options(arguments: ["--zstd-level", "19"], compression: .zstd(dictionaries: .generic, level: 19)),
            Options(arguments: ["--no-compression"], compression: .disabled),
            Options(arguments: ["--deflate"], compression: .deflate(minimumSize: 64, level: 6)),
            Options(
                arguments: ["--deflate", "--compression-level", "9"], compression: .deflate(minimumSize: 64, level: 9)),
            Options(arguments: dictionary, compression: .zstd(dictionaries: ring)),
            Options(arguments: dictionary + ["--zstd-level", "19"], compression: .zstd(dictionaries: ring, level: 19)),
            Options(arguments: ["--padding", "256"], compression: generic, padding: .block(256)),
            Options(arguments: ["--padding-size-classes"], compression: generic, padding: .sizeClasses),
            Options(arguments: secretArguments, compression: generic, secretFields: Set(secrets)),
            Options(
                arguments: dictionary + secretArguments + ["--padding", "64"], compression: .zstd(dictionaries: ring),
                padding: .block(64), secretFields: Set(secrets)),
            Options(
                arguments: ["--no-compression", "--padding-size-classes"] + secretArguments, compression: .disabled,
                padding: .sizeClasses, secretFields: Set(secrets)),
        ]
    }

    /// The corpus documents by name (file name without `.json`).
    static func documents() throws -> [String: Data] {
        let names = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".json") }
        var documents: [String: Data] = [:]
        for name in names {
            documents[String(name.dropLast(5))] = try Data(contentsOf: corpus.appendingPathComponent(name))
        }
        return documents
    }

    /// The cookie value an application's codec seals for `document` with `options`.
    static func librarySeal(_ document: Data, options: Options, keyRing: KeyRing) throws -> String {
        let configuration = SessionCodecConfiguration(
            cookieName: "session", keyRing: keyRing, compression: options.compression, padding: options.padding)
        let codec = try SessionCodec(configuration: configuration, serializer: JSONSessionSerializer<AppSession>())
        return try codec.seal(AppSession(json: document, secretFields: options.secretFields))
    }

    @Test("size-report and encode give every corpus document, with every option, the length SessionCodec gives it")
    func sizes() throws {
        let tool = try ToolRunner()
        defer { tool.cleanUp() }
        try tool.write(try tool.run(["keygen"]).stdout, to: "keys.txt")
        let keyRing = try KeyRing(contentsOfFile: tool.path("keys.txt"))
        let documents = try Self.documents()
        #expect(documents.count == SizeReportTests.corpus.count)
        for options in try Self.options() {
            let report = try SizeReportTests.rows(
                tool.run(["size-report", Self.corpus.path, "--format", "json"] + options.arguments))
            for (name, json) in documents.sorted(by: { $0.key < $1.key }) {
                let expected = try Self.librarySeal(json, options: options, keyRing: keyRing).utf8.count
                let body = try JSONSessionSerializer<AppSession>().serialize(AppSession(json: json)).count
                #expect(report[name]?["valueCharacters"] as? Int == expected, "size-report \(name) \(options)")
                #expect(report[name]?["jsonBytes"] as? Int == body, "size-report \(name) JSON bytes \(options)")
                let file = Self.corpus.appendingPathComponent("\(name).json").path
                let encoded = try tool.run(
                    ["encode", "--key-file", "keys.txt", "--value-only", file] + options.arguments)
                #expect(encoded.status == 0, "\(encoded.stderr)")
                let value = encoded.stdout.trimmingCharacters(in: .newlines)
                #expect(value.utf8.count == expected, "encode \(name) \(options)")
            }
        }
    }

    @Test("decode opens what SessionCodec seals, secret fields and dictionary included, and prints the library's JSON")
    func decodesLibraryValues() throws {
        let tool = try ToolRunner()
        defer { tool.cleanUp() }
        try tool.write(try tool.run(["keygen"]).stdout, to: "keys.txt")
        let keyRing = try KeyRing(contentsOfFile: tool.path("keys.txt"))
        let options = try Self.options()
        for (name, json) in try Self.documents().sorted(by: { $0.key < $1.key }) {
            let printed = try JSONSessionSerializer<AppSession>().serialize(AppSession(json: json))
            for option in options {
                let value = try Self.librarySeal(json, options: option, keyRing: keyRing)
                let opened = try tool.run(["decode", "--key-file", "keys.txt", value] + option.openingArguments)
                #expect(opened.status == 0, "\(name) \(option): \(opened.stderr)")
                #expect(opened.stdout == String(decoding: printed, as: UTF8.self) + "\n", "\(name) \(option)")
            }
        }
    }

    @Test("dictionary train trains on the bodies SessionCodec compresses, secret fields apart")
    func training() throws {
        let tool = try ToolRunner()
        defer { tool.cleanUp() }
        let files = try SynthesizeSessionsTests.synthesize(["samples", "--count", "300", "--seed", "19"], in: tool)
            .files
        // The tool reads a folder's documents by name.
        let documents = files.filter { $0.key.hasSuffix(".json") }.sorted { $0.key < $1.key }.map(\.value)
        for secretFields in [[], ["csrf_token"]] {
            let trained = try tool.run(
                ["dictionary", "train", "samples", "--size", "2048", "--id", "7", "-o", "d.zdict"]
                    + secretFields.flatMap { ["--secret-field", $0] })
            #expect(trained.status == 0, "\(trained.stderr)")
            let serializer = JSONSessionSerializer<AppSession>()
            let bodies = try documents.map {
                try serializer.serializeKeepingSecretsApart(AppSession(json: $0, secretFields: Set(secretFields))).body
            }
            let expected = try SessionDictionary.train(samples: bodies, size: 2048, id: 7)
            let made = try Data(contentsOf: tool.folder.appendingPathComponent("d.zdict"))
            #expect(made == Data(expected.bytes), "--secret-field \(secretFields)")
        }
    }
}
