import Foundation
import SealedCookieTestSupport
import Testing

@testable import SealedCookie

/// The compression length side channel (CRIME/BREACH) against a session that holds a token
/// next to text the attacker controls, with cookie lengths as the only signal: it recovers an
/// unmarked token, and learns nothing of one marked ``SessionSecret``.
///
/// The token has a public prefix (`tok_`, as many token formats do), which gives the attacker
/// the few bytes of context a compressor needs before the first secret character; JSON escapes
/// the quotes around it, so the attacker cannot use those.
@Suite struct LengthSideChannelTests {
    struct Plain: Codable, Sendable {
        var userID = "usr_7f3k29xqhm2"
        var roles = ["customer", "beta_tester"]
        var csrfToken: String
        var flash: String
    }

    struct Marked: Codable, Sendable {
        var userID = "usr_7f3k29xqhm2"
        var roles = ["customer", "beta_tester"]
        @SessionSecret var csrfToken: String
        var flash: String
    }

    static let alphabet = Array("0123456789abcdef")

    static func token(seed: UInt64) -> String {
        var generator = SeededGenerator(seed: seed)
        return "tok_" + String((0..<16).map { _ in alphabet[Int.random(in: 0..<16, using: &generator)] })
    }

    /// The two-tries attack: for each next character, compare the length with the guess right
    /// after the known prefix against the guess pushed behind a separator; the right guess
    /// extends a match in the first only. A match saves less than a byte, so each comparison is
    /// repeated behind 16 lengths of filler (shifting where byte boundaries fall) and summed.
    /// Each character is attacked behind the true characters before it (as after recovering
    /// them), so one miss does not spoil the rest; returns how many are found with certainty.
    static func attack(token: String, length: (_ token: String, _ flash: String) throws -> Int) throws -> Int {
        var known = ""
        var recovered = 0
        let secret = Array(token.dropFirst(4))
        let filler = "QXZJWKVYPMRLGHNU"
        for position in 0..<secret.count {
            var scores: [(Character, Int)] = []
            for guess in alphabet {
                var score = 0
                for shift in 0..<16 {
                    let prefix = String(filler.prefix(shift)) + "tok_" + known
                    let together = try length(token, prefix + String(guess) + "}{}{")
                    let apart = try length(token, prefix + "}{}{" + String(guess))
                    score += apart - together
                }
                scores.append((guess, score))
            }
            let best = scores.map(\.1).max() ?? 0
            let leaders = scores.filter { $0.1 == best }
            // An attacker who cannot tell the leaders apart has to guess; count only certainty.
            if leaders.count == 1, leaders.first?.0 == secret[position] { recovered += 1 }
            known.append(secret[position])
        }
        return recovered
    }

    /// Each compression, and how many of the token's 16 characters the attack recovers at least
    /// (a value this seed reaches: lowering it hides a weaker attack, not a safer codec).
    static let compressions: [(String, @Sendable () throws -> SessionCodecConfiguration.Compression, Int)] = [
        ("deflate", { Fixture.deflate }, 12),
        ("zstd with a dictionary", { try Fixture.zstd(Fixture.dictionary()) }, 12),
        ("the default, zstd with the generic dictionary", { .default }, 10),
    ]

    func codec<Session: Codable & Sendable>(_: Session.Type, compression: SessionCodecConfiguration.Compression) throws
        -> SessionCodec<Session>
    {
        try SessionCodec(
            configuration: SessionCodecConfiguration(
                cookieName: "session", keyRing: KeyRing(primary: Fixture.sequentialKey()), compression: compression))
    }

    @Test(arguments: compressions.indices)
    func unmarkedTokenIsRecoveredFromLengthsAlone(index: Int) throws {
        let seed: UInt64 = 0xC51F_0001
        print("LengthSideChannelTests seed \(seed)")
        let codec = try codec(Plain.self, compression: Self.compressions[index].1())
        let token = Self.token(seed: seed)
        let recovered = try Self.attack(token: token) { token, flash in
            try codec.seal(Plain(csrfToken: token, flash: flash)).utf8.count
        }
        print("LengthSideChannelTests unmarked, \(Self.compressions[index].0): recovered \(recovered) of 16")
        #expect(recovered >= Self.compressions[index].2, "\(Self.compressions[index].0): recovered \(recovered) of 16")
    }

    @Test(arguments: compressions.indices)
    func markedTokenLeavesNoTraceInTheLengths(index: Int) throws {
        let seed: UInt64 = 0xC51F_0002
        print("LengthSideChannelTests seed \(seed)")
        let compression = try Self.compressions[index].1()
        let marked = try codec(Marked.self, compression: compression)
        let token = Self.token(seed: seed)
        let recovered = try Self.attack(token: token) { token, flash in
            try marked.seal(Marked(csrfToken: token, flash: flash)).utf8.count
        }
        print("LengthSideChannelTests marked, \(Self.compressions[index].0): recovered \(recovered) of 16")
        #expect(recovered <= 4, "\(Self.compressions[index].0): recovered \(recovered) of 16")
        // Stronger: for the same attacker inputs, another token gives exactly the same lengths,
        // so they carry no information about the token; unmarked, they differ.
        let other = Self.token(seed: seed + 1)
        func lengths<Session>(_ codec: SessionCodec<Session>, _ make: (String, String) -> Session) throws -> [[Int]] {
            try [token, other].map { token in
                try Self.attackInputs.map { try codec.seal(make(token, $0)).utf8.count }
            }
        }
        let markedLengths = try lengths(marked) { Marked(csrfToken: $0, flash: $1) }
        #expect(markedLengths[0] == markedLengths[1])
        let plainLengths = try lengths(codec(Plain.self, compression: compression)) { Plain(csrfToken: $0, flash: $1) }
        #expect(plainLengths[0] != plainLengths[1])
    }

    /// Attacker inputs of the attack's shape: the token's prefix, a run of guesses, a separator.
    static let attackInputs: [String] = (0..<64).map { index in
        "tok_" + String(repeating: "7", count: index % 16) + String(alphabet[index % 16]) + "}{}{"
    }

    @Test func markedFieldRoundTripsAndStaysOutOfTheBody() throws {
        let codec = try codec(Marked.self, compression: Fixture.deflate)
        let session = Marked(csrfToken: "0123456789abcdef", flash: "hello")
        let serialized = try codec.serialize(session)
        #expect(!String(decoding: serialized.body, as: UTF8.self).contains("0123456789abcdef"))
        #expect(String(decoding: serialized.body, as: UTF8.self).contains(#""csrfToken":0"#))
        #expect(serialized.secrets == [18] + Array(#""0123456789abcdef""#.utf8))
        let opened = try codec.open(codec.seal(session))
        #expect(opened.session.csrfToken == "0123456789abcdef")
        #expect(opened.header.hasSecretSection)
        // Outside the codec the wrapper is transparent.
        let foundation = try JSONEncoder().encode(session)
        #expect(String(decoding: foundation, as: UTF8.self).contains(#""csrfToken":"0123456789abcdef""#))
        #expect(try JSONDecoder().decode(Marked.self, from: foundation).csrfToken == "0123456789abcdef")
    }
}
