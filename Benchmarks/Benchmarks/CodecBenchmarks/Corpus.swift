import Foundation

/// The bundled sample documents, read from the source tree (the same files the command-line
/// tool's size report uses).
enum Corpus {
    /// The sizes benchmarked, smallest first.
    static let sizes = ["tiny", "small", "medium", "large"]

    /// The repository's root folder.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // CodecBenchmarks
        .deletingLastPathComponent()  // Benchmarks (sources)
        .deletingLastPathComponent()  // Benchmarks (package)
        .deletingLastPathComponent()  // repository root

    private static let folder = root.appendingPathComponent("Corpus")

    /// The document's bytes as stored (compact JSON).
    static func bytes(_ name: String) -> [UInt8] {
        let url = folder.appendingPathComponent("\(name).json")
        guard let data = FileManager.default.contents(atPath: url.path) else {
            preconditionFailure("missing corpus document \(url.path)")
        }
        return Array(data)
    }

    /// The document decoded into the application's session type.
    static func session(_ name: String) -> SampleSession {
        do {
            return try JSONDecoder().decode(SampleSession.self, from: Data(bytes(name)))
        } catch {
            preconditionFailure("corpus document \(name) does not decode: \(error)")
        }
    }
}
