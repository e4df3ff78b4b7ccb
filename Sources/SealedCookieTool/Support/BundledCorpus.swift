import Foundation

/// The sample session documents shipped in the tool's resource bundle, and JSON documents in
/// a folder.
enum BundledCorpus {
    /// The bundled `Corpus` folder, looked up next to the executable (where SwiftPM puts the
    /// resource bundle) without the generated accessor, which would stop the process when the
    /// bundle was not installed with the binary.
    static func folder() throws(ToolError) -> URL {
        let executableFolder = Bundle.main.bundleURL
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: executableFolder.path)) ?? []
        for entry in entries.sorted()
        where entry.hasSuffix("_SealedCookieTool.resources") || entry.hasSuffix("_SealedCookieTool.bundle") {
            let bundle = executableFolder.appendingPathComponent(entry)
            for candidate in [bundle.appendingPathComponent("Corpus"), bundle.appendingPathComponent("Contents/Resources/Corpus")]
            where FileManager.default.fileExists(atPath: candidate.path) {
                return candidate
            }
        }
        throw ToolError(
            "the bundled corpus was not found next to the executable (copy its .resources bundle along with it), "
                + "or pass a folder of JSON documents")
    }

    /// The `.json` files directly in `folder`, by name.
    static func documents(in folder: URL) throws(ToolError) -> [URL] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw ToolError("cannot list \(folder.path): check the path and its permissions")
        }
        let documents = names.filter { $0.hasSuffix(".json") }.sorted().map { folder.appendingPathComponent($0) }
        guard !documents.isEmpty else { throw ToolError("no .json documents in \(folder.path)") }
        return documents
    }
}
