import Foundation
import Testing

/// Every failure exits non-zero, explains itself on standard error, and never prints a key.
@Suite("error paths")
struct ErrorTests {
    /// A tool with a key file, a second unrelated key file and a sealed value.
    struct Setup {
        let tool: ToolRunner
        let keys: String
        let otherKeys: String
        let value: String

        init() throws {
            tool = try ToolRunner()
            keys = try tool.run(["keygen"]).stdout
            otherKeys = try tool.run(["keygen", "--id", "2"]).stdout
            try tool.write(keys, to: "keys.txt")
            try tool.write(otherKeys, to: "other.txt")
            value = try tool.run(["encode", "--key-file", "keys.txt", "--value-only"], input: #"{"user":"u1"}"#)
                .stdout.trimmingCharacters(in: .newlines)
        }

        /// Runs and checks: non-zero exit, the expected reason, no secret or cookie value, nothing on
        /// standard output.
        func expectFailure(
            _ arguments: [String], input: String = "", environment: [String: String] = [:], reason: String,
            sourceLocation: SourceLocation = #_sourceLocation
        ) throws {
            let output = try tool.run(arguments, input: input, environment: environment)
            #expect(output.status != 0, sourceLocation: sourceLocation)
            #expect(output.stderr.contains(reason), "stderr: \(output.stderr)", sourceLocation: sourceLocation)
            #expect(output.stdout.isEmpty, sourceLocation: sourceLocation)
            for secret in [keys, otherKeys].map({ String($0.trimmingCharacters(in: .newlines).dropFirst(2)) }) {
                #expect(!output.stderr.contains(secret), "a key was printed", sourceLocation: sourceLocation)
            }
            #expect(
                !output.stderr.contains(value.prefix(24)), "a cookie value was printed", sourceLocation: sourceLocation)
        }
    }

    @Test("decode failures name the reason")
    func decodeFailures() throws {
        let setup = try Setup()
        defer { setup.tool.cleanUp() }
        let value = setup.value
        var tampered = Array(value.utf8)
        tampered[tampered.count / 2] =
            tampered[tampered.count / 2] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        try setup.expectFailure(
            ["decode", "--key-file", "keys.txt", String(decoding: tampered, as: UTF8.self)],
            reason: "failed authentication")
        try setup.expectFailure(["decode", "--key-file", "other.txt", value], reason: "no key with id 1")
        try setup.expectFailure(
            ["decode", "--key-file", "keys.txt", "--purpose", "other", value], reason: "failed authentication")
        try setup.expectFailure(
            ["decode", "--key-file", "keys.txt", "--now", "1900000000", value], reason: "the session expired at")
        try setup.expectFailure(
            ["decode", "--key-file", "keys.txt", "--now", "1000000000", value], reason: "issued in the future")
        try setup.expectFailure(
            ["decode", "--key-file", "keys.txt", "not*base64"], reason: "not a well-formed sealed session")
        try setup.expectFailure(
            ["decode", "--key-file", "keys.txt", "Cookie: a=b; c=d"], reason: "no cookie named 'session'")
        try setup.expectFailure(
            ["decode", "--key-file", "keys.txt", "Cookie: theme=dark; session=2~\(value)"], reason: "chunk 1 is missing"
        )
        try setup.expectFailure(
            ["decode", "--key-file", "keys.txt", "Cookie: session=40~\(value)"],
            reason: "announces 40 chunks, over the limit of 2")
        try setup.expectFailure(
            [
                "decode", "--key-file", "keys.txt",
                "Cookie: session=\(value); pad=" + String(repeating: "x", count: 17000),
            ],
            reason: "over the limit of 16384")
        try setup.expectFailure(["decode", "--key-file", "keys.txt"], reason: "no cookie given")
        try setup.expectFailure(["decode", value], reason: "no key given")
    }

    @Test("key problems: missing file, missing variable, malformed key, both sources")
    func keyFailures() throws {
        let setup = try Setup()
        defer { setup.tool.cleanUp() }
        try setup.tool.write("1:tooshort\n", to: "short.txt")
        try setup.tool.write("just-a-key-without-id\n", to: "noid.txt")
        try setup.expectFailure(
            ["encode", "--key-file", "missing.txt"], input: "{}", reason: "cannot read the key file")
        try setup.expectFailure(
            ["encode", "--key-env", "NO_SUCH_VARIABLE"], input: "{}", reason: "NO_SUCH_VARIABLE is not set")
        try setup.expectFailure(
            ["encode", "--key-file", "short.txt"], input: "{}", reason: "43 characters of unpadded base64url")
        try setup.expectFailure(["encode", "--key-file", "noid.txt"], input: "{}", reason: "not of the form ID:KEY")
        try setup.expectFailure(
            ["encode", "--key-file", "keys.txt", "--key-env", "X"], input: "{}",
            reason: "either --key-file or --key-env")
        try setup.expectFailure(["keygen", "--id", "15", "--count", "2"], reason: "within 0-15")
    }

    @Test("encode problems: not JSON, missing file, bad options")
    func encodeFailures() throws {
        let setup = try Setup()
        defer { setup.tool.cleanUp() }
        try setup.expectFailure(
            ["encode", "--key-file", "keys.txt"], input: "{nope", reason: "standard input is not valid JSON")
        try setup.expectFailure(["encode", "--key-file", "keys.txt", "absent.json"], reason: "cannot read absent.json")
        try setup.expectFailure(
            ["encode", "--key-file", "keys.txt"], input: String(repeating: " ", count: (16 << 20) + 1),
            reason: "the input is over 16 MiB")
        try setup.expectFailure(
            ["encode", "--key-file", "keys.txt", "--lifetime", "401d"], input: "{}", reason: "lifetime")
        try setup.expectFailure(
            ["encode", "--key-file", "keys.txt", "--padding", "0"], input: "{}", reason: "--padding")
        try setup.expectFailure(
            ["encode", "--key-file", "keys.txt", "--deflate", "--compression-level", "10"], input: "{}",
            reason: "1 to 9")
        try setup.expectFailure(
            ["encode", "--key-file", "keys.txt", "--compression-level", "9"], input: "{}",
            reason: "pass --deflate with it")
        try setup.expectFailure(
            ["encode", "--key-file", "keys.txt", "--deflate", "--no-compression"], input: "{}",
            reason: "either --no-compression or --deflate")
        try setup.expectFailure(
            ["encode", "--key-file", "keys.txt", "--deflate", "--dictionary", ToolRunner.sampleDictionary], input: "{}",
            reason: "either --deflate or --dictionary")
        try setup.expectFailure(
            ["encode", "--key-file", "keys.txt", "--max-chunks", "40"], input: "{}",
            reason: "maxChunkCount must be from 1 to 32")
        try setup.expectFailure(
            ["encode", "--key-file", "keys.txt", "--no-chunking", "--max-chunks", "2"], input: "{}",
            reason: "either --no-chunking or --max-chunks")
        try setup.expectFailure(
            ["encode", "--key-file", "keys.txt", "--reserve=-1"], input: "{}",
            reason: "otherCookiesReserve must be 0 or more")
        try setup.expectFailure(
            ["encode", "--key-file", "keys.txt", "--domain", "example.com", "--host", "example.org"], input: "{}",
            reason: "not example.com or a subdomain of it")
        try setup.expectFailure(
            ["encode", "--key-file", "keys.txt", "--domain", "co.uk"], input: "{}", reason: "public suffix")
        try setup.expectFailure(
            ["encode", "--key-file", "keys.txt", "--same-site", "loose"], input: "{}", reason: "same-site")
    }

    @Test("inspect and size-report problems")
    func otherFailures() throws {
        let setup = try Setup()
        defer { setup.tool.cleanUp() }
        try setup.expectFailure(["inspect", "AAAA"], reason: "cannot read the envelope header")
        try setup.expectFailure(["inspect", "Cookie: other=x"], reason: "no cookie named 'session'")
        try setup.expectFailure(["size-report", "no-such-folder"], reason: "cannot list")
        try FileManager.default.createDirectory(atPath: setup.tool.path("empty"), withIntermediateDirectories: true)
        try setup.expectFailure(["size-report", "empty"], reason: "no .json documents")
        try FileManager.default.createDirectory(atPath: setup.tool.path("broken"), withIntermediateDirectories: true)
        try setup.tool.write("{", to: "broken/a.json")
        try setup.expectFailure(["size-report", "broken"], reason: "'a.json' is not valid JSON")
    }
}
