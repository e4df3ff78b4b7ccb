import Foundation
import Testing

/// The tool opens and writes exactly what a server on the library's default settings does
/// and refuses a per-cookie limit browsers do not keep.
@Suite("limits")
struct LimitTests {
    /// One limit: a document just over its default, the option that raises it, and what the
    /// tool says when sealing and when opening.
    struct Limit: CustomTestStringConvertible, Sendable {
        let option: String
        let raised: String
        let documentBytes: Int
        /// Sealed without compression, so that the value is as long as the document makes it.
        let uncompressed: Bool
        let sealRefusal: String
        let openRefusal: String

        var testDescription: String { option }

        var document: String { #"{"a":"\#(String(repeating: "x", count: documentBytes - 8))"}"# }
    }

    static let limits = [
        // A value of 8198 characters: a default server rejects it, the tool used to open it.
        Limit(
            option: "--max-value-length", raised: "9000", documentBytes: 6100, uncompressed: true,
            sealRefusal: "over maxValueLength 8192", openRefusal: "over the limit of 8192; rejected before decoding"),
        // A payload declaring 65,537 bytes: a default server rejects it, the tool used to open it.
        Limit(
            option: "--max-decompressed-bytes", raised: "65537", documentBytes: 65_537, uncompressed: false,
            sealRefusal: "is 65537 bytes, over the decompression limit of 65536",
            openRefusal: "declares 65537 bytes, over the decompression limit of 65536"),
    ]

    @Test(
        "a session over a default limit is neither written nor opened by default, as by a default server",
        arguments: limits)
    func defaultLimits(_ limit: Limit) throws {
        let tool = try ToolRunner()
        defer { tool.cleanUp() }
        try tool.write(try tool.run(["keygen"]).stdout, to: "keys.txt")
        let encode =
            ["encode", "--key-file", "keys.txt", "--value-only"] + (limit.uncompressed ? ["--no-compression"] : [])
        let refused = try tool.run(encode, input: limit.document)
        #expect(refused.status != 0 && refused.stderr.contains(limit.sealRefusal), "\(refused.stderr)")
        #expect(refused.stderr.contains("with this tool: \(limit.option)"))
        let sealed = try tool.run(encode + [limit.option, limit.raised], input: limit.document)
        #expect(sealed.status == 0, "\(sealed.stderr)")
        let value = sealed.stdout.trimmingCharacters(in: .newlines)

        let opened = try tool.run(["decode", "--key-file", "keys.txt", value])
        #expect(opened.status != 0 && opened.stderr.contains(limit.openRefusal), "\(opened.stderr)")
        #expect(opened.stderr.contains("with this tool: \(limit.option)"))
        let raised = try tool.run(["decode", "--key-file", "keys.txt", limit.option, limit.raised, value])
        #expect(raised.status == 0 && raised.stdout == limit.document + "\n", "\(raised.stderr)")
    }

    @Test("--help of encode, decode and size-report shows both limits with the library's defaults")
    func help() throws {
        let tool = try ToolRunner()
        defer { tool.cleanUp() }
        for command in ["encode", "decode", "size-report"] {
            let help = try tool.run([command, "--help"]).stdout
            #expect(help.contains("--max-value-length <characters>") && help.contains("8192"), "\(command)")
            #expect(help.contains("--max-decompressed-bytes <bytes>") && help.contains("65536"), "\(command)")
        }
    }

    @Test("--cookie-limit over 4096 is refused, as the library refuses it; 4096 is accepted")
    func cookieLimit() throws {
        let tool = try ToolRunner()
        defer { tool.cleanUp() }
        try tool.write(try tool.run(["keygen"]).stdout, to: "keys.txt")
        let encode = ["encode", "--key-file", "keys.txt", "--cookie-limit", "4100"]
        let refused = try tool.run(encode, input: "{}")
        #expect(refused.status != 0 && refused.stdout.isEmpty)
        #expect(refused.stderr.contains("--cookie-limit 4100 is over the 4096 bytes browsers keep"))
        let report = try tool.run(["size-report", "--cookie-limit", "5000"])
        #expect(report.status != 0 && report.stderr.contains("over the 4096 bytes browsers keep"))

        let atLimit = try tool.run(["encode", "--key-file", "keys.txt", "--cookie-limit", "4096"], input: "{}")
        #expect(atLimit.status == 0 && atLimit.stderr.isEmpty, "\(atLimit.stderr)")
    }
}
