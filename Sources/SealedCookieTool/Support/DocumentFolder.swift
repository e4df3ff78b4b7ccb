import Foundation

/// The session documents in a folder: its `.json` files, by name.
enum DocumentFolder {
    static func documents(in path: String) throws(ToolError) -> [SampleDocument] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw ToolError("cannot list \(path): check the path and its permissions")
        }
        let files = names.filter { $0.hasSuffix(".json") }.sorted()
        guard !files.isEmpty else { throw ToolError("no .json documents in \(path)") }
        var documents: [SampleDocument] = []
        for file in files {
            let url = URL(fileURLWithPath: path).appendingPathComponent(file)
            documents.append(
                SampleDocument(
                    name: url.deletingPathExtension().lastPathComponent, origin: "'\(file)'",
                    bytes: try InputSource.read(url.path)))
        }
        return documents
    }
}
