import Foundation
import SealedCookieTestSupport
import Testing

@testable import SealedCookie

/// The built-in generic dictionary, the default compression: its bytes fixed forever, its values
/// opened by every codec whatever it is configured with, and never larger than stored.
@Suite struct GenericDictionaryTests {
    static let digestHex = "49cb7bd98407b34d1947311d9b5c991796cd17237c247f45b6771bf9ceba02a8"

    func codec(_ compression: SessionCodecConfiguration.Compression) throws -> SessionCodec<[UInt8]> {
        try Fixture.bytesCodec(ring: KeyRing(primary: Fixture.sequentialKey()), compression: compression)
    }

    @Test("the bytes are the committed file's, SPEC.md's appendix and digest, under built-in id 1")
    func bytesArePinned() throws {
        let generic = SessionDictionary.generic
        #expect(generic.id == 1 && generic.isBuiltIn && generic.isTrained && generic.bytes.count == 4096)
        #expect(GenericHash.digest(generic.bytes).map { String(format: "%02x", $0) }.joined() == Self.digestHex)
        let root = DocumentationSnippets.packageRoot(from: #filePath)
        let file = try Data(contentsOf: root.appendingPathComponent("Dictionaries/generic-v1.zdict"))
        #expect([UInt8](file) == generic.bytes)
        let spec = try DocumentationSnippets.text(of: "SPEC.md", root: root)
        #expect(spec.contains("| 1 | generic | 4096 | `\(Self.digestHex)` |"))
        let appendix = try #require(spec.range(of: "## Appendix A.").map { spec[$0.upperBound...] })
        let block = try #require(appendix.split(separator: "```").dropFirst().first)
        let decoded = try #require(Data(base64Encoded: String(block), options: .ignoreUnknownCharacters))
        #expect([UInt8](decoded) == generic.bytes)
    }

    @Test("every codec opens a value made with the generic dictionary; one with a ring re-seals it")
    func everyCodecOpensGenericValues() throws {
        let sample = try Fixture.corpus("medium")
        let value = try codec(.default).seal(sample)
        #expect(try EnvelopeHeader(sealedValue: value).compression == .zstdBuiltIn(dictionaryID: 1))
        let own = try Fixture.dictionary(id: 1)
        let openers: [(String, SessionCodecConfiguration.Compression, needsResealing: Bool)] = [
            ("the default", .default, false),
            ("no compression", .disabled, false),
            ("deflate", Fixture.deflate, false),
            ("an application dictionary with the same id", try Fixture.zstd(own), true),
            ("an application dictionary, generic kept in the ring", try Fixture.zstd(own, older: [.generic]), true),
            (
                "generic first, an application dictionary older",
                .zstd(dictionaries: try SessionDictionaryRing(primary: .generic, older: [own])), false
            ),
        ]
        for (name, compression, needsResealing) in openers {
            let opened = try codec(compression).open(value)
            #expect(opened.session == sample, "\(name)")
            #expect(opened.needsResealing == needsResealing, "\(name)")
        }
    }

    @Test("a built-in and an application dictionary of the same id share a ring; no dictionary twice")
    func ringsKeepTheTwoNamespacesApart() throws {
        let own = try Fixture.dictionary(id: 1)
        let ring = try SessionDictionaryRing(primary: own, older: [.generic])
        let codec = try codec(.zstd(dictionaries: ring))
        let value = try codec.seal(Fixture.corpus("medium"))
        #expect(try EnvelopeHeader(sealedValue: value).compression == .zstd(dictionaryID: 1))
        #expect(try codec.open(value).session == (try Fixture.corpus("medium")))
        #expect(throws: SessionDictionaryError.duplicateID(1)) {
            try SessionDictionaryRing(primary: .generic, older: [.generic])
        }
        #expect(ring.description == "SessionDictionaryRing(primary: 1, older: [builtin-1])")
        #expect(SessionDictionaryRing.generic.description == "SessionDictionaryRing(primary: builtin-1, older: [])")
        // The same bytes loaded as an application's dictionary are another dictionary.
        let copy = try SessionDictionary(id: 1, bytes: SessionDictionary.generic.bytes)
        #expect(!copy.isBuiltIn)
        #expect(throws: Never.self) { try SessionDictionaryRing(primary: copy, older: [.generic]) }
    }

    @Test("the kind of dictionary is authenticated: 11 read as 10, or an unknown built-in id, is refused")
    func switchingTheDictionaryKindIsRefused() throws {
        let value = try codec(.default).seal(Fixture.corpus("small"))
        var bytes = try #require(Base64URL.decode(value))
        #expect(bytes[0] >> 4 & 0x03 == 3)
        bytes[0] ^= 0x10
        let asApplication = Base64URL.encode(bytes)
        // With an application dictionary 1 configured, the id resolves and the tag does not match.
        let withOwn = try codec(try Fixture.zstd(Fixture.dictionary(id: 1)))
        #expect(codecError { try withOwn.open(asApplication).session } == .authenticationFailed)
        #expect(codecError { try codec(.default).open(asApplication).session } == .unknownDictionaryID(1))
        bytes[0] ^= 0x10
        let idIndex = try bytes.withUnsafeBytesTyped { raw throws(SessionCodecError) in
            try EnvelopeHeader.parse(raw).byteCount - 1
        }
        bytes[idIndex] = 2
        #expect(codecError { try codec(.default).open(Base64URL.encode(bytes)).session } == .unknownDictionaryID(2))
    }

    @Test(arguments: Fixture.corpusNames)
    func defaultIsSmallerThanDeflateOnTheCorpus(name: String) throws {
        // The generic dictionary never saw the corpus (scripts/synthesize-generic-sessions checks
        // that no corpus value occurs in its training sessions).
        let sample = try Fixture.corpus(name)
        let generic = try codec(.default).seal(sample).utf8.count
        let deflated = try codec(Fixture.deflate).seal(sample).utf8.count
        #expect(generic < deflated, "\(name): \(generic) characters, deflate \(deflated)")
    }

    /// Thousands of sessions of every kind (JSON of assorted shapes, and raw bytes an attacker
    /// might send through a session field): the default round-trips each, a codec still sealing
    /// deflate (an older node, or a rollback) opens each, and no value is longer than storing
    /// the session would make it.
    @Test("over seeded sessions: round trip, opened by a deflate codec, never longer than stored")
    func defaultInvariants() async throws {
        var random = SeededGenerator.forTest()
        let generic = try codec(.default)
        let deflate = try codec(Fixture.deflate)
        let stored = try codec(.disabled)
        var compressed = 0
        for _ in 0..<3_000 {
            // Seconds of work: yielding keeps the tests' shared threads free for deadlines.
            await Task.yield()
            let session = Self.session(using: &random)
            let value = try generic.seal(session)
            let opened = try generic.open(value)
            #expect(opened.session == session && !opened.needsResealing)
            #expect(try deflate.open(value).session == session)
            #expect(value.utf8.count <= (try stored.seal(session)).utf8.count, "\(session.count) bytes")
            if opened.header.compression != .none { compressed += 1 }
        }
        #expect(compressed > 1_000, "\(compressed) of 3000 sessions compressed")
    }

    static let keys = ["user_id", "uid", "roles", "csrf", "cart", "locale", "flash", "exp", "tenant", "x", "données"]

    /// A JSON object of random keys and values, or random bytes.
    static func session(using random: inout SeededGenerator) -> [UInt8] {
        if Int.random(in: 0..<5, using: &random) == 0 {
            return (0..<Int.random(in: 0...2_000, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random)
            }
        }
        var fields: [String] = []
        for _ in 0..<Int.random(in: 0...40, using: &random) {
            let key =
                keys[Int.random(in: 0..<keys.count, using: &random)] + String(Int.random(in: 0..<9, using: &random))
            let value: String =
                switch Int.random(in: 0..<4, using: &random) {
                case 0: String(Int.random(in: 0...Int(Int32.max), using: &random))
                case 1: Bool.random(using: &random) ? "true" : "false"
                case 2: "\"" + String(repeating: "ab", count: Int.random(in: 0...20, using: &random)) + "\""
                default:
                    "\"" + String((0..<32).map { _ in "0123456789abcdef".randomElement(using: &random) ?? "0" }) + "\""
                }
            fields.append("\"\(key)\":\(value)")
        }
        return Array(("{" + fields.joined(separator: ",") + "}").utf8)
    }
}
