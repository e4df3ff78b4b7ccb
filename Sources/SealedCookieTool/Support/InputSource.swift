import Foundation

/// Reads a command's input from a file, or from standard input when the path is absent or `-`.
enum InputSource {
    /// The most the tool reads from one input: far above any cookie or session.
    static let maxByteCount = 16 << 20

    /// Reads at most ``maxByteCount`` bytes (one more tells an oversized input apart), so a
    /// huge file or an endless pipe is refused without being held in memory.
    static func read(_ path: String?) throws(ToolError) -> [UInt8] {
        let handle: FileHandle
        if let path, path != "-" {
            guard let file = FileHandle(forReadingAtPath: path) else {
                throw ToolError("cannot read \(path): check the path and its permissions")
            }
            handle = file
        } else {
            handle = FileHandle.standardInput
        }
        defer { if handle !== FileHandle.standardInput { try? handle.close() } }
        let data: Data
        do {
            data = try handle.read(upToCount: maxByteCount + 1) ?? Data()  // nil at end of input
        } catch {
            throw ToolError("cannot read \(path.map { $0 == "-" ? "standard input" : $0 } ?? "standard input")")
        }
        guard data.count <= maxByteCount else {
            throw ToolError("the input is over \(maxByteCount >> 20) MiB")
        }
        return Array(data)
    }

    /// The input as text without surrounding whitespace.
    static func readText(_ argument: String?, orFile path: String?) throws(ToolError) -> String {
        var text = argument ?? ""
        if argument == nil { text = String(decoding: try read(path), as: UTF8.self) }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
