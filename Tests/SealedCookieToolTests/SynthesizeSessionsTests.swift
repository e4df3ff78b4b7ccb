import Foundation
import Testing

@Suite("scripts/synthesize-sessions")
struct SynthesizeSessionsTests {
    /// Runs the script with `arguments`; its output and the files it wrote, by name.
    static func synthesize(_ arguments: [String], in tool: ToolRunner) throws -> (output: String, files: [String: Data])
    {
        let process = Process()
        process.executableURL = ToolRunner.repository.appendingPathComponent("scripts/synthesize-sessions")
        process.arguments = arguments
        process.currentDirectoryURL = tool.folder
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let folder = tool.folder.appendingPathComponent(arguments[0])
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return (output, files)
    }

    @Test("the same seed writes the same documents, prints the seed, and every document is corpus-shaped JSON")
    func deterministic() throws {
        let tool = try ToolRunner()
        defer { tool.cleanUp() }
        let first = try Self.synthesize(["a", "--count", "120", "--seed", "42"], in: tool)
        let second = try Self.synthesize(["b", "--count", "120", "--seed", "42"], in: tool)
        let other = try Self.synthesize(["c", "--count", "120", "--seed", "43"], in: tool)
        let unseeded = try Self.synthesize(["d", "--count", "3"], in: tool)
        #expect(first.output.hasPrefix("seed 42: wrote 120 session documents"))
        #expect(unseeded.output.contains(/^seed \d+: wrote 3 session documents/))
        #expect(first.files.count == 120 && first.files == second.files && first.files != other.files)
        let corpus = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: ToolRunner.repository.appendingPathComponent("Corpus/large.json")))
                as? [String: Any])
        var shapes = Set<Int>()
        for data in first.files.values {
            let session = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            // Each document has the keys of one corpus shape: a prefix of large.json's keys.
            #expect(Set(session.keys).isSubset(of: Set(corpus.keys)))
            #expect(session["user_id"] as? String != corpus["user_id"] as? String)
            shapes.insert(session.count)
        }
        #expect(shapes == [3, 9, 19, 20])
    }
}
