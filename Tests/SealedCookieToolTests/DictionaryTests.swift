import Foundation
import Testing

@Suite("dictionary train and inspect")
struct DictionaryTests {
    /// `count` made-up session documents of a few shapes, in `folder`.
    static func writeSamples(_ count: Int, to folder: String, in tool: ToolRunner) throws {
        try FileManager.default.createDirectory(atPath: tool.path(folder), withIntermediateDirectories: true)
        let themes = ["light", "system", "sepia"]
        for index in 0..<count {
            var json =
                #"{"user_id":"usr_\#(String(index * 7919, radix: 36))","login_at":\#(1_750_000_000 + index * 97)"#
            json +=
                #","theme":"\#(themes[index % 3])","items":[\#((0..<(index % 9)).map { String($0 * 131 + index) }.joined(separator: ","))]"#
            json += index % 2 == 0 ? #","csrf_token":"tok\#(index)x\#(index * 31)"}"# : "}"
            try tool.write(json, to: "\(folder)/s\(index).json")
        }
    }

    @Test("training warns on too few samples, reports time, size and fingerprint, and is deterministic")
    func train() throws {
        let tool = try ToolRunner()
        defer { tool.cleanUp() }
        try Self.writeSamples(60, to: "samples", in: tool)
        let first = try tool.run(["dictionary", "train", "samples", "--size", "1024", "--id", "3", "-o", "a.zdict"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("warning: only 60 samples: a useful dictionary needs about 1000 or more"))
        #expect(first.stderr.contains("under 10 times the dictionary size (1024)"))
        #expect(
            first.stdout.contains(
                /trained dictionary 3: \d+ bytes, fingerprint [0-9a-f]{16}, from 60 samples \(\d+ bytes\) in \d+\.\d\d s/
            ))
        let again = try tool.run(
            ["dictionary", "train", tool.path("samples"), "--size", "1024", "--id", "3", "--output", "b.zdict"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: tool.path("a.zdict")))
                == Data(contentsOf: URL(fileURLWithPath: tool.path("b.zdict"))))
    }

    @Test("files and folders mix; missing inputs, too few samples and a bad size are errors that say what to do")
    func trainErrors() throws {
        let tool = try ToolRunner()
        defer { tool.cleanUp() }
        try Self.writeSamples(4, to: "few", in: tool)
        try Self.writeSamples(4, to: "more", in: tool)
        let mixed = try tool.run([
            "dictionary", "train", "few", "more/s1.json", "more/s2.json", "--size", "256", "--id", "1", "-o", "d",
        ])
        #expect(
            mixed.status != 0 && mixed.stderr.contains("training needs at least 8 sample sessions"), "\(mixed.stderr)")
        let missing = try tool.run(["dictionary", "train", "nowhere", "--id", "1", "-o", "d"])
        #expect(missing.status != 0 && missing.stderr.contains("cannot read nowhere: no such file or folder"))
        try Self.writeSamples(20, to: "samples", in: tool)
        let tooSmall = try tool.run(["dictionary", "train", "samples", "--size", "100", "--id", "1", "-o", "d"])
        #expect(tooSmall.status != 0 && tooSmall.stderr.contains("training: at least 256"))
        let noID = try tool.run(["dictionary", "train", "samples", "-o", "d"])
        #expect(noID.status != 0 && noID.stderr.contains("--id"))
    }

    @Test("inspect: id, bytes, kind and fingerprint, as text and JSON; raw content has no id")
    func inspect() throws {
        let tool = try ToolRunner()
        defer { tool.cleanUp() }
        let text = try tool.run(["dictionary", "inspect", ToolRunner.sampleDictionary])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("id           1 (stored in the file)"))
        #expect(text.stdout.contains("bytes        4096"))
        #expect(text.stdout.contains("content      trained zstd dictionary"))
        let json = try tool.run(["dictionary", "inspect", ToolRunner.sampleDictionary, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["id"] as? Int == 1 && object["bytes"] as? Int == 4096 && object["trained"] as? Bool == true)
        #expect((object["fingerprint"] as? String).map { text.stdout.contains($0) } == true)

        try tool.write(#"{"user_id":"usr_","login_at":1750000000}"#, to: "raw.txt")
        let raw = try tool.run(["dictionary", "inspect", "raw.txt", "--format", "json"])
        #expect(raw.stdout.contains(#""id":null"#) || !raw.stdout.contains(#""id""#), "\(raw.stdout)")
        #expect(raw.stdout.contains(#""trained":false"#))
        let rawText = try tool.run(["dictionary", "inspect", "raw.txt"])
        #expect(rawText.stdout.contains("none stored: pass --dictionary-id N with it"))
        let missing = try tool.run(["dictionary", "inspect", "nowhere.zdict"])
        #expect(missing.status != 0 && missing.stderr.contains("cannot read the dictionary file at nowhere.zdict"))
    }

    @Test("encode with --dictionary seals with zstd; decode opens it only with the dictionary")
    func roundTrip() throws {
        let tool = try ToolRunner()
        defer { tool.cleanUp() }
        try tool.write(try tool.run(["keygen"]).stdout, to: "keys.txt")
        let session = RoundTripTests.compact
        let dictionary = ["--dictionary", ToolRunner.sampleDictionary]
        let sealed = try tool.run(
            ["encode", "--key-file", "keys.txt", "--value-only", "--zstd-level", "9"] + dictionary, input: session)
        #expect(sealed.status == 0, "\(sealed.stderr)")
        let value = sealed.stdout.trimmingCharacters(in: .newlines)
        let inspected = try tool.run(["inspect", value])
        #expect(inspected.stdout.contains("compression     zstd, dictionary 1"), "\(inspected.stdout)")
        let opened = try tool.run(["decode", "--key-file", "keys.txt", value] + dictionary)
        #expect(opened.status == 0 && opened.stdout == session + "\n", "\(opened.stderr)")
        let without = try tool.run(["decode", "--key-file", "keys.txt", value])
        #expect(without.status != 0 && without.stderr.contains("no compression dictionary with id 1"))

        // A file without a stored id needs one; compression off contradicts a dictionary.
        try tool.write(String(repeating: #"{"user_id":"usr_","roles":["admin"]}"#, count: 4), to: "raw.txt")
        let noID = try tool.run(
            ["encode", "--key-file", "keys.txt", "--value-only", "--dictionary", "raw.txt"], input: session)
        #expect(noID.status != 0 && noID.stderr.contains("--dictionary-id N"), "\(noID.stderr)")
        let raw = try tool.run(
            ["encode", "--key-file", "keys.txt", "--value-only", "--dictionary", "raw.txt", "--dictionary-id", "9"],
            input: session)
        #expect(raw.status == 0, "\(raw.stderr)")
        let rawOpened = try tool.run(
            [
                "decode", "--key-file", "keys.txt", "--dictionary", "raw.txt", "--dictionary-id", "9",
                raw.stdout.trimmingCharacters(in: .newlines),
            ])
        #expect(rawOpened.stdout == session + "\n", "\(rawOpened.stderr)")
        let contradiction = try tool.run(
            ["encode", "--key-file", "keys.txt", "--no-compression"] + dictionary, input: session)
        #expect(contradiction.status != 0 && contradiction.stderr.contains("either --no-compression or --dictionary"))
    }
}
