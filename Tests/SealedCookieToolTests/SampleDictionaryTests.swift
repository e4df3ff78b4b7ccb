import Foundation
import Testing

@Suite("Dictionaries/sample-sessions.zdict")
struct SampleDictionaryTests {
    /// The settings `scripts/train-sample-dictionary` trains with, read from its `name=value` lines.
    static func scriptSettings() throws -> [String: String] {
        let script = try String(
            contentsOf: ToolRunner.repository.appendingPathComponent("scripts/train-sample-dictionary"), encoding: .utf8
        )
        var settings: [String: String] = [:]
        for line in script.split(separator: "\n") {
            guard let match = line.wholeMatch(of: /(seed|count|size|id)=(\d+)/) else { continue }
            settings[String(match.1)] = String(match.2)
        }
        return settings
    }

    @Test("the committed dictionary is what synthesizing and training with the script's settings makes today")
    func reproducible() throws {
        let tool = try ToolRunner()
        defer { tool.cleanUp() }
        let settings = try Self.scriptSettings()
        let seed = try #require(settings["seed"])
        let count = try #require(settings["count"])
        let size = try #require(settings["size"])
        let id = try #require(settings["id"])
        _ = try SynthesizeSessionsTests.synthesize(["samples", "--count", count, "--seed", seed], in: tool)
        let trained = try tool.run(["dictionary", "train", "samples", "--size", size, "--id", id, "-o", "d.zdict"])
        #expect(trained.status == 0 && trained.stderr.isEmpty, "\(trained.stderr)")
        let made = try Data(contentsOf: tool.folder.appendingPathComponent("d.zdict"))
        #expect(made == (try Data(contentsOf: URL(fileURLWithPath: ToolRunner.sampleDictionary))))
    }
}
