import Testing

@Suite("decode --help: the duplicate rule of SPEC.md section 11.3")
struct DecodeHelpTests {
    @Test("decode --help states that two sessions, or a candidate left untried after one opened, give none")
    func duplicateRule() throws {
        let tool = try ToolRunner()
        defer { tool.cleanUp() }
        let help = try tool.run(["decode", "--help"])
        #expect(help.status == 0)
        // Help is wrapped to the terminal's width: compare words.
        let words = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(!words.contains("first that opens") && !words.contains("wins"))
        #expect(
            words.contains(
                "when two open to different sessions, or a limit leaves one untried after one opened, there is no session"
            ))
    }
}
