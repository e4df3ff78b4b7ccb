import Foundation

/// Runs the built `sealed-cookie` executable and captures what it prints.
struct ToolRunner {
    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The executable, next to the test bundle in the build products folder.
    static let executable: URL = {
        let products = Bundle.main.bundleURL
        let candidates = [products, products.deletingLastPathComponent()].map {
            $0.appendingPathComponent("sealed-cookie")
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }()

    /// The repository's root folder.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The sample dictionary `scripts/train-sample-dictionary` made.
    static let sampleDictionary = repository.appendingPathComponent("Dictionaries/sample-sessions.zdict").path

    /// A scratch folder for this test, removed by `cleanUp`.
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sealed-cookie-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: folder)
    }

    func path(_ name: String) -> String {
        folder.appendingPathComponent(name).path
    }

    func write(_ text: String, to name: String) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }

    /// Runs the tool (or a copy of it) with `arguments`, feeding `input` on standard input.
    func run(
        _ arguments: [String], input: String = "", environment: [String: String] = [:], executable: URL = executable
    ) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var processEnvironment = ProcessInfo.processInfo.environment
        processEnvironment["SEALED_COOKIE_KEYS"] = nil
        processEnvironment.merge(environment) { $1 }
        process.environment = processEnvironment
        let stdoutURL = folder.appendingPathComponent("stdout-\(UUID().uuidString)")
        let stderrURL = folder.appendingPathComponent("stderr-\(UUID().uuidString)")
        try Data().write(to: stdoutURL)
        try Data().write(to: stderrURL)
        let stdoutHandle = try FileHandle(forWritingTo: stdoutURL)
        let stderrHandle = try FileHandle(forWritingTo: stderrURL)
        let stdin = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdoutHandle
        process.standardError = stderrHandle
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        try stdoutHandle.close()
        try stderrHandle.close()
        return Output(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: stdoutURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: stderrURL), as: UTF8.self))
    }
}
