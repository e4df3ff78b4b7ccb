import Foundation
import SealedCookie
import Testing

/// Staged keys on the command line: keygen prints them, encode and decode pick the key as the
/// library does at `--now`, and inspect and decode say which key and dictionary a value used.
@Suite("staged keys")
struct StagedKeyToolTests {
    static let activation = "2026-12-10T00:00:00Z"
    static let activationDate = Date(timeIntervalSince1970: 1_796_860_800)
    /// Large enough to compress, with deflate or with the sample dictionary.
    static let session =
        #"{"user_id":"u1","roles":["reader","writer","reviewer"],"locale":"en-GB","theme":"dark","#
        + #""cart":[{"sku":"A-1","qty":1},{"sku":"A-2","qty":2},{"sku":"A-3","qty":3}],"csrf":"x"}"#

    /// A ring file of key 1 (sealing now) and key 2 staged for ``activation``, made by keygen.
    func stagedRing(in tool: ToolRunner) throws -> KeyRing {
        let current = try tool.run(["keygen", "--id", "1"])
        let staged = try tool.run(["keygen", "--id", "2", "--activate-at", Self.activation])
        #expect(current.status == 0 && staged.status == 0, "\(staged.stderr)")
        try tool.write(staged.stdout + current.stdout, to: "keys.txt")
        return try KeyRing(contentsOfFile: tool.path("keys.txt"))
    }

    @Test("keygen --activate-at prints staged entries in every format, as the library reads them")
    func keygenStages() throws {
        let tool = try ToolRunner()
        defer { tool.cleanUp() }
        let ring = try tool.run(["keygen", "--id", "3", "--count", "2", "--activate-at", Self.activation])
        #expect(ring.status == 0, "\(ring.stderr)")
        let lines = ring.stdout.split(separator: "\n")
        #expect(lines.count == 2 && lines.allSatisfy { $0.hasSuffix("@\(Self.activation)") }, "\(ring.stdout)")
        let parsed = try KeyRing(text: ring.stdout)
        #expect(parsed.entries.map(\.key.id) == [3, 4])
        #expect(parsed.entries.allSatisfy { $0.activation == Self.activationDate })
        #expect(ring.stderr.contains("seals from \(Self.activation)") || ring.stderr.contains("has passed"))

        let env = try tool.run(["keygen", "--id", "5", "--format", "env", "--activate-at", "2026-12-10T00:00:00+00:00"])
        #expect(env.stdout.hasPrefix("SEALED_COOKIE_KEYS=5:") && env.stdout.contains("@\(Self.activation)\n"))
        let json = try tool.run(["keygen", "--format", "json", "--activate-at", Self.activation])
        let objects = try #require(
            try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(objects.first?["activation"] as? String == Self.activation)

        let past = try tool.run(["keygen", "--activate-at", "2000-01-01T00:00:00Z"])
        #expect(past.status == 0 && past.stderr.contains("has passed"), "\(past.stderr)")
        for (bad, reason) in [
            ("2026-12-10T01:00:00+01:00", "not in UTC"), ("2026-12-10", "not an RFC 3339 time"),
            ("1796860800", "not an RFC 3339 time"),
        ] {
            let refused = try tool.run(["keygen", "--activate-at", bad])
            #expect(refused.status != 0 && refused.stderr.contains(reason), "\(bad): \(refused.stderr)")
            #expect(refused.stdout.isEmpty)
        }
    }

    @Test("encode --now seals with the key the library seals with at that time, in either time format")
    func encodeHonoursActivation() throws {
        let tool = try ToolRunner()
        defer { tool.cleanUp() }
        let ring = try stagedRing(in: tool)
        for (now, expected) in [
            ("2026-12-09T23:59:59Z", UInt8(1)), (Self.activation, 2), ("1796860799", 1), ("1796860800", 2),
        ] {
            let encoded = try tool.run(
                ["encode", "--key-file", "keys.txt", "--value-only", "--now", now], input: Self.session)
            #expect(encoded.status == 0, "\(encoded.stderr)")
            let value = encoded.stdout.trimmingCharacters(in: .newlines)
            let header = try EnvelopeHeader(sealedValue: value)
            #expect(header.keyID == expected, "--now \(now)")
            // The library, at the same time and with the same ring file, seals with the same key
            // and opens what the tool sealed.
            let clock = header.issuedAt
            let codec = try SessionCodec<AppSession>(
                configuration: .init(cookieName: "session", keyRing: ring, clock: { clock }))
            #expect(try EnvelopeHeader(sealedValue: codec.seal(codec.open(value).session)).keyID == expected)

            let decoded = try tool.run(["decode", "--key-file", "keys.txt", "--now", now, "--show-header", value])
            #expect(decoded.status == 0, "\(decoded.stderr)")
            #expect(
                decoded.stderr.contains("key id \(expected), compression zstd, built-in dictionary 1 (generic)"),
                "\(decoded.stderr)")
        }
        // A value sealed under the staged key opens, without re-sealing, where it is still staged.
        let ahead = try tool.run(
            ["encode", "--key-file", "keys.txt", "--value-only", "--now", Self.activation], input: Self.session)
        let behind = try tool.run(
            ["decode", "--key-file", "keys.txt", "--now", "2026-12-09T23:59:30Z", ahead.stdout])
        #expect(behind.status == 0 && !behind.stderr.contains("re-seal"), "\(behind.stderr)")

        try tool.write("2:\(String(repeating: "A", count: 43))@\(Self.activation)\n", to: "staged-only.txt")
        let none = try tool.run(
            ["encode", "--key-file", "staged-only.txt", "--value-only", "--now", "2026-12-01T00:00:00Z"],
            input: Self.session)
        #expect(none.status != 0 && none.stderr.contains("no key of the ring is active"), "\(none.stderr)")
        let badNow = try tool.run(["encode", "--key-file", "keys.txt", "--now", "tomorrow"], input: Self.session)
        #expect(badNow.status != 0 && badNow.stderr.contains("RFC 3339"), "\(badNow.stderr)")
    }

    @Test("inspect and decode --show-header name the key id and the dictionary id")
    func inspectNamesKeyAndDictionary() throws {
        let tool = try ToolRunner()
        defer { tool.cleanUp() }
        _ = try stagedRing(in: tool)
        let encoded = try tool.run(
            [
                "encode", "--key-file", "keys.txt", "--value-only", "--now", Self.activation, "--dictionary",
                ToolRunner.sampleDictionary,
            ], input: Self.session)
        #expect(encoded.status == 0, "\(encoded.stderr)")
        let value = encoded.stdout.trimmingCharacters(in: .newlines)
        let header = try EnvelopeHeader(sealedValue: value)
        guard case .zstd(let dictionaryID) = header.compression else {
            Issue.record("not compressed with the dictionary: \(header.compression)")
            return
        }
        let text = try tool.run(["inspect", value, "--now", Self.activation])
        #expect(text.stdout.contains("key id          2"), "\(text.stdout)")
        #expect(text.stdout.contains("compression     zstd, dictionary \(dictionaryID)"), "\(text.stdout)")
        let json = try tool.run(["inspect", "--format", "json", value])
        let fields = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(fields["keyID"] as? Int == 2)
        #expect(fields["dictionaryID"] as? Int == Int(dictionaryID))
        let decoded = try tool.run(
            [
                "decode", "--key-file", "keys.txt", "--now", Self.activation, "--show-header", "--dictionary",
                ToolRunner.sampleDictionary, value,
            ])
        #expect(decoded.status == 0, "\(decoded.stderr)")
        #expect(decoded.stderr.contains("key id 2, compression zstd, dictionary \(dictionaryID)"), "\(decoded.stderr)")
    }
}
