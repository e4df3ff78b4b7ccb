import Foundation
import Testing

@Suite("inspect")
struct InspectTests {
    @Test("reads the header without a key, as text and JSON")
    func withoutKey() throws {
        let tool = try ToolRunner()
        defer { tool.cleanUp() }
        try tool.write(try tool.run(["keygen", "--id", "9"]).stdout, to: "keys.txt")
        let value = try tool.run(
            ["encode", "--key-file", "keys.txt", "--value-only", "--now", "1732467890", "--lifetime", "2h"],
            input: "[" + Array(repeating: #"{"a":"aaaaaaaaaaaaaaaaaaaaaaaa"}"#, count: 8).joined(separator: ",") + "]"
        ).stdout.trimmingCharacters(in: .newlines)

        // Key ids 8 to 11 with the generic dictionary make values that begin with "-": after "--".
        #expect(value.hasPrefix("-"))
        let text = try tool.run(["inspect", "--now", "1732467900", "--", value])
        #expect(text.status == 0, "\(text.stderr)")
        for expected in [
            "key id          9", "compression     zstd, built-in dictionary 1 (generic)", "padded          no",
            "secret section  no",
            "2024-11-24T17:04:50Z (1732467890)",
            "120 minutes (2h)", "valid for 1h 59m more", "\(value.utf8.count) characters", "verified        no",
        ] {
            #expect(text.stdout.contains(expected), "missing \(expected) in \(text.stdout)")
        }

        let json = try tool.run(["inspect", "--format", "json", "Cookie: session=\(value)", "--now", "1800000000"])
        let fields = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(fields["keyID"] as? Int == 9)
        #expect(fields["expired"] as? Bool == true)
        #expect(fields["lifetimeMinutes"] as? Int == 120)
        #expect(fields["compression"] as? String == "zstd, built-in dictionary 1 (generic)")
        #expect(fields["builtInDictionaryID"] as? Int == 1 && fields["dictionaryID"] is NSNull)
        #expect(fields["valueCharacters"] as? Int == value.utf8.count)
        let parts = ["headerBytes", "nonceBytes", "ciphertextBytes", "tagBytes"].compactMap { fields[$0] as? Int }
        #expect(parts.reduce(0, +) == fields["envelopeBytes"] as? Int)
    }
}
