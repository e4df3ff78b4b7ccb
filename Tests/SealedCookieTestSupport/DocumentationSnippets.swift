public import Foundation

/// The Swift code blocks of the README and the DocC articles, checked against compiled files so
/// that the documentation cannot show code that no longer builds.
///
/// A block is split at its blank lines into chunks; each chunk must appear, line for line, in
/// one of the compiled files, at any one indentation. So a block written as a `main.swift`
/// (imports, a type, statements) is checked against a test file whose imports sit at its top,
/// the type in a suite and the statements in a test function.
public enum DocumentationSnippets {
    /// The package root: `Tests/<target>/…` files find it from their own path.
    public static func packageRoot(from filePath: String) -> URL {
        var url = URL(fileURLWithPath: filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url
            }
        }
        return url
    }

    /// The text of `path`, relative to the package root.
    public static func text(of path: String, root: URL) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// Every block fenced with ```` ```swift ```` in `markdown`, without its fences.
    public static func swiftBlocks(in markdown: String) -> [String] {
        var blocks: [String] = []
        var current: [Substring]?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if var lines = current {
                if line.trimmingCharacters(in: .whitespaces) == "```" {
                    blocks.append(lines.joined(separator: "\n"))
                    current = nil
                } else {
                    lines.append(line)
                    current = lines
                }
            } else if line.trimmingCharacters(in: .whitespaces) == "```swift" {
                current = []
            }
        }
        return blocks
    }

    /// The chunks of `block` (runs of lines between blank lines) that appear in none of
    /// `sources` at any indentation: empty when the block is compiled code.
    public static func chunksMissing(from sources: [String], block: String) -> [String] {
        let chunks = block.components(separatedBy: "\n\n").filter { !$0.isEmpty }
        let dedented = sources.flatMap(indentationVariants)
        return chunks.filter { chunk in !dedented.contains { $0.contains("\n" + chunk + "\n") } }
    }

    /// `text` with `indent` leading spaces removed from each line that has them, for indents of
    /// 0 to 24 spaces; each wrapped in newlines so that a match starts and ends at line ends.
    private static func indentationVariants(of text: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return stride(from: 0, through: 24, by: 4).map { indent in
            let prefix = String(repeating: " ", count: indent)
            let shifted = lines.map { $0.hasPrefix(prefix) ? $0.dropFirst(indent) : $0 }
            return "\n" + shifted.joined(separator: "\n") + "\n"
        }
    }
}
