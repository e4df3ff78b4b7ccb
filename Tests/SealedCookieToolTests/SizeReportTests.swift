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
        let characters = Dictionary(uniqueKeysWithValues: documents.map { ($0["name"] as? String ?? "", $0["valueCharacters"] as? Int ?? 0) })
        // At most 8 characters over bare libsodium + zlib + base64url (shared/corpus/README.md).
        #expect(characters["tiny"].map { $0 <= 147 } == true)
        #expect(characters["small"].map { $0 <= 411 } == true)
        #expect(characters["medium"].map { $0 <= 932 } == true)
        #expect(characters["large"].map { $0 <= 1808 } == true)
        for document in documents {
            #expect(document["chunks"] as? Int == 1)
            #expect(document["fitsRequestBudget"] as? Bool == true)
        }
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
        let markdown = try tool.run(["size-report", "docs", "--format", "markdown", "--no-compression", "--padding", "64"])
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
