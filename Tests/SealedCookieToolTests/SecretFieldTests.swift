import Foundation
import Testing

@Suite("secret fields")
struct SecretFieldTests {
    static let session =
        #"{"user_id":"usr_1","csrf_token":"q7ZsK2vN","flash":{"message":"hi"},"api_key":["k",1],"n":7}"#
    /// ``session`` as the library serializes it (keys sorted).
    static let serialized =
        #"{"api_key":["k",1],"csrf_token":"q7ZsK2vN","flash":{"message":"hi"},"n":7,"user_id":"usr_1"}"#

    @Test("named top-level fields travel in the secret section and come back as the library serialized them")
    func roundTrip() throws {
        let tool = try ToolRunner()
        defer { tool.cleanUp() }
        try tool.write(try tool.run(["keygen"]).stdout, to: "keys.txt")
        let fields = ["--secret-field", "csrf_token", "--secret-field", "api_key"]
        let sealed = try tool.run(["encode", "--key-file", "keys.txt", "--value-only"] + fields, input: Self.session)
        #expect(sealed.status == 0, "\(sealed.stderr)")
        let value = sealed.stdout.trimmingCharacters(in: .newlines)
        #expect(try tool.run(["inspect", value]).stdout.contains("secret section  yes"))
        let opened = try tool.run(["decode", "--key-file", "keys.txt", value] + fields)
        #expect(opened.status == 0 && opened.stdout == Self.serialized + "\n", "\(opened.stderr)")

        for wrong in [[], ["--secret-field", "csrf_token"], ["--secret-field", "n"] + fields] {
            let refused = try tool.run(["decode", "--key-file", "keys.txt", value] + wrong)
            #expect(
                refused.status != 0 && refused.stderr.contains("does not match --secret-field"),
                "\(wrong): \(refused.stderr)")
        }
    }

    @Test("a field the document lacks, or a document that is not an object, moves nothing")
    func nothingToMove() throws {
        let tool = try ToolRunner()
        defer { tool.cleanUp() }
        try tool.write(try tool.run(["keygen"]).stdout, to: "keys.txt")
        for document in [#"{"user_id":"usr_1"}"#, #"["csrf_token",1]"#, #""csrf_token""#] {
            let sealed = try tool.run(
                ["encode", "--key-file", "keys.txt", "--value-only", "--secret-field", "csrf_token"], input: document)
            let value = sealed.stdout.trimmingCharacters(in: .newlines)
            #expect(try tool.run(["inspect", value]).stdout.contains("secret section  no"), "\(document)")
            let opened = try tool.run(["decode", "--key-file", "keys.txt", value, "--secret-field", "csrf_token"])
            #expect(opened.stdout == document + "\n", "\(opened.stderr)")
        }
    }

    @Test("the secret section holds LEB128(length) and the value: the value grows by its length, a byte and the index")
    func layout() throws {
        let tool = try ToolRunner()
        defer { tool.cleanUp() }
        try FileManager.default.createDirectory(atPath: tool.path("docs"), withIntermediateDirectories: true)
        // 60 random-looking characters, which no compressor shrinks, so the sizes are exact.
        try tool.write(#"{"a":1,"token":"\#(String(repeating: "x", count: 60))"}"#, to: "docs/one.json")
        let base = ["size-report", "docs", "--no-compression", "--format", "json"]
        let plain = try SizeReportTests.rows(tool.run(base))
        let secret = try SizeReportTests.rows(tool.run(base + ["--secret-field", "token"]))
        // Body: the 62-byte value becomes "0" (−61); section: its length (1) and entry (1 + 62) (+64).
        #expect(secret["one"]?["payloadBytes"] as? Int == (plain["one"]?["payloadBytes"] as? Int).map { $0 + 3 })
    }
}
