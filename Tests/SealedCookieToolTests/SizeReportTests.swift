import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("size-report")
struct SizeReportTests {
    static let corpus = ["empty", "tiny", "small", "nested", "unicode", "random-tokens", "medium", "large"]

    @Test("JSON output parses and meets the size targets on the bundled corpus")
    func json() throws {
        let tool = try ToolRunner()
        defer { tool.cleanUp() }
        let output = try tool.run(["size-report", "--format", "json"])
        #expect(output.status == 0, "\(output.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let documents = try #require(report["documents"] as? [[String: Any]])
        #expect(Set(documents.compactMap { $0["name"] as? String }) == Set(Self.corpus))
        let characters = Dictionary(
            uniqueKeysWithValues: documents.map { ($0["name"] as? String ?? "", $0["valueCharacters"] as? Int ?? 0) })
        // At most 8 characters over bare libsodium + zlib + base64url (shared/corpus/README.md).
        #expect(characters["tiny"].map { $0 <= 147 } == true)
        #expect(characters["small"].map { $0 <= 411 } == true)
        #expect(characters["medium"].map { $0 <= 932 } == true)
        #expect(characters["large"].map { $0 <= 1808 } == true)
        for document in documents {
            // Every sample fits one cookie; its share of the request line is counted as SPEC §11.4
            // says: 8 + 2 + len("session") + 1 + len(value) + 2.
            let value = try #require(document["valueCharacters"] as? Int)
            #expect(document["chunks"] as? Int == 1)
            #expect(document["fitsRequestBudget"] as? Bool == true)
            #expect(document["cookieHeaderBytes"] as? Int == 10 + 7 + 1 + value + 2)
            #expect((document["setCookieBytes"] as? Int).map { $0 > value && $0 <= 4093 } == true)
            #expect(document["refusal"] == nil)
        }
        let settings = try #require(report["settings"] as? [String: Any])
        #expect(settings["requestBudget"] as? Int == 8190 && settings["reserve"] as? Int == 2048)
        #expect(settings["cookieByteLimit"] as? Int == 4096 && settings["setCookieByteLimit"] as? Int == 4093)
    }

    @Test("the corpus built into the tool is the one in the source tree, and a binary copied alone has it")
    func builtInCorpus() throws {
        let tool = try ToolRunner()
        defer { tool.cleanUp() }
        let source = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Corpus").path
        let alone = tool.folder.appendingPathComponent("alone/sealed-cookie")
        try FileManager.default.createDirectory(
            at: alone.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: ToolRunner.executable, to: alone)

        let fromSource = try Self.rows(tool.run(["size-report", source, "--format", "json"]))
        let builtIn = try Self.rows(tool.run(["size-report", "--format", "json"]))
        let copied = try Self.rows(tool.run(["size-report", "--format", "json"], executable: alone))
        #expect(fromSource.count == Self.corpus.count)
        // Sizes depend only on the documents' bytes (the nonce changes, its length does not).
        for name in Self.corpus {
            for field in ["jsonBytes", "payloadBytes", "valueCharacters", "setCookieBytes", "cookieHeaderBytes"] {
                #expect(builtIn[name]?[field] as? Int == fromSource[name]?[field] as? Int, "\(name) \(field)")
                #expect(copied[name]?[field] as? Int == fromSource[name]?[field] as? Int, "\(name) \(field)")
            }
        }
    }

    @Test("a session the cookie layer refuses is a row with the reason, and the reason on standard error")
    func refused() throws {
        let tool = try ToolRunner()
        defer { tool.cleanUp() }
        try FileManager.default.createDirectory(atPath: tool.path("docs"), withIntermediateDirectories: true)
        try tool.write(RoundTripTests.blob(hexCharacters: 4000), to: "docs/big.json")
        try tool.write(RoundTripTests.blob(hexCharacters: 6000), to: "docs/huge.json")
        let base = ["size-report", "docs", "--no-compression", "--format", "json"]

        let chunked = try Self.rows(tool.run(base))
        #expect(chunked["big"]?["chunks"] as? Int == 2)
        #expect(chunked["big"]?["fitsRequestBudget"] as? Bool == true)
        #expect(chunked["huge"]?["chunks"] == nil)
        #expect((chunked["huge"]?["refusal"] as? String)?.contains("but 2 cookie(s) hold at most") == true)

        let three = try Self.rows(tool.run(base + ["--max-chunks", "3"]))
        #expect(three["huge"]?["chunks"] as? Int == 3)
        #expect(three["huge"]?["fitsRequestBudget"] as? Bool == false)
        #expect((three["huge"]?["cookieHeaderBytes"] as? Int).map { $0 > 8190 - 2048 } == true)

        let table = try tool.run(["size-report", "docs", "--no-compression", "--no-chunking"])
        #expect(table.status == 0)
        #expect(table.stdout.contains("refused"))
        #expect(table.stderr.contains("warning: big: the session does not fit: the cookie 'session' has"))
    }

    /// The JSON report's documents by name.
    static func rows(_ output: ToolRunner.Output) throws -> [String: [String: Any]] {
        #expect(output.status == 0, "\(output.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let documents = try #require(report["documents"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: documents.map { ($0["name"] as? String ?? "", $0) })
    }

    @Test("SVG output is well-formed XML with a bar per document and series")
    func svg() throws {
        let tool = try ToolRunner()
        defer { tool.cleanUp() }
        let output = try tool.run(["size-report", "--format", "svg"])
        #expect(output.status == 0, "\(output.stderr)")
        let delegate = SVGCounter()
        let parser = XMLParser(data: Data(output.stdout.utf8))
        parser.delegate = delegate
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(delegate.root == "svg")
        // Three legend swatches, a background, and three bars per document.
        #expect(delegate.rectangles == 4 + 3 * Self.corpus.count)
    }

    @Test("table and Markdown list every document; a folder and options are honoured")
    func tables() throws {
        let tool = try ToolRunner()
        defer { tool.cleanUp() }
        let table = try tool.run(["size-report"])
        #expect(table.status == 0)
        for name in Self.corpus { #expect(table.stdout.contains(name)) }
        try FileManager.default.createDirectory(atPath: tool.path("docs"), withIntermediateDirectories: true)
        try tool.write(#"{ "b": [1, 2, 3] }"#, to: "docs/one.json")
        try tool.write("not json, ignored", to: "docs/readme.txt")
        let markdown = try tool.run([
            "size-report", "docs", "--format", "markdown", "--no-compression", "--padding", "64",
        ])
        #expect(markdown.status == 0, "\(markdown.stderr)")
        let lines = markdown.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[2].hasPrefix("| one | 13 | 64 (stored) |"))
    }

    @Test("progress is shown on request, on standard error only")
    func progress() throws {
        let tool = try ToolRunner()
        defer { tool.cleanUp() }
        let output = try tool.run(["size-report", "--format", "json", "--progress"])
        #expect(output.stderr.contains("measuring 8/8"))
        #expect(!output.stdout.contains("measuring"))
    }
}

/// Counts what the SVG holds.
final class SVGCounter: NSObject, XMLParserDelegate {
    var root: String?
    var rectangles = 0

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if root == nil { root = elementName }
        if elementName == "rect" { rectangles += 1 }
    }
}

@Suite("size-report options")
struct SizeReportOptionTests {
    static let shapes = ["tiny", "small", "medium", "large"]
    /// Flask's signed, unencrypted cookie on the same files (shared/corpus/README.md).
    static let flask = ["tiny": 119, "small": 383, "medium": 904, "large": 1779]

    @Test("with the sample dictionary, each document is also measured without it, side by side, and beats Flask")
    func dictionary() throws {
        let tool = try ToolRunner()
        defer { tool.cleanUp() }
        let output = try tool.run(["size-report", "--dictionary", ToolRunner.sampleDictionary, "--format", "json"])
        let rows = try SizeReportTests.rows(output)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let settings = try #require(report["settings"] as? [String: Any])
        #expect(settings["comparedWithout"] as? [String] == ["dictionary"])
        #expect((settings["compression"] as? String)?.contains("zstd level 3 with dictionary 1") == true)
        for name in Self.shapes {
            let row = try #require(rows[name])
            let with = try #require(row["valueCharacters"] as? Int)
            let cost = try #require((row["optionCosts"] as? [[String: Any]])?.first)
            let without = try #require(cost["valueCharactersWithout"] as? Int)
            #expect(cost["option"] as? String == "dictionary")
            #expect(cost["characters"] as? Int == with - without)
            #expect(with < without, "\(name): \(with) with, \(without) without")
            #expect(with < Self.flask[name] ?? 0, "\(name): \(with)")
        }
        let table = try tool.run(["size-report", "--dictionary", ToolRunner.sampleDictionary])
        #expect(table.stdout.contains("without dictionary"))
        #expect(table.stdout.contains(/\d+ \(−\d+\)/))
        let markdown = try tool.run([
            "size-report", "--dictionary", ToolRunner.sampleDictionary, "--format", "markdown",
        ])
        #expect(
            markdown.stdout.hasPrefix(
                "| document | JSON B | compressed B | sealed B | value chars | without dictionary |"))
    }

    @Test("the SVG has a bar for the value with and without the dictionary for every document")
    func svg() throws {
        let tool = try ToolRunner()
        defer { tool.cleanUp() }
        let output = try tool.run(["size-report", "--dictionary", ToolRunner.sampleDictionary, "--format", "svg"])
        let delegate = SVGCounter()
        let parser = XMLParser(data: Data(output.stdout.utf8))
        parser.delegate = delegate
        #expect(parser.parse())
        // Four legend swatches, a background, and four bars per document.
        #expect(delegate.rectangles == 5 + 4 * SizeReportTests.corpus.count)
        #expect(output.stdout.contains("value without dictionary"))
    }

    @Test("padding, size classes and secret fields each show what they cost")
    func optionCosts() throws {
        let tool = try ToolRunner()
        defer { tool.cleanUp() }
        let block = try SizeReportTests.rows(tool.run(["size-report", "--padding", "256", "--format", "json"]))
        let classes = try SizeReportTests.rows(tool.run(["size-report", "--padding-size-classes", "--format", "json"]))
        let secret = try SizeReportTests.rows(
            tool.run(["size-report", "--secret-field", "csrf_token", "--format", "json"]))
        for name in Self.shapes {
            for (rows, option) in [(block, "padding"), (classes, "padding")] {
                let cost = try #require((rows[name]?["optionCosts"] as? [[String: Any]])?.first)
                #expect(cost["option"] as? String == option)
                #expect((cost["characters"] as? Int).map { $0 >= 0 } == true, "\(name)")
            }
            let cost = try #require((secret[name]?["optionCosts"] as? [[String: Any]])?.first)
            #expect(cost["option"] as? String == "secret fields")
            // tiny has no token; elsewhere the token no longer compresses, so it costs characters.
            #expect((cost["characters"] as? Int).map { name == "tiny" ? $0 == 0 : $0 > 0 } == true, "\(name): \(cost)")
        }
        let contradiction = try tool.run(["size-report", "--padding", "64", "--padding-size-classes"])
        #expect(
            contradiction.status != 0 && contradiction.stderr.contains("either --padding or --padding-size-classes"))
    }
}
