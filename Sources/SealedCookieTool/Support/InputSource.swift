import Foundation

/// Reads a command's input from a file, or from standard input when the path is absent or `-`.
enum InputSource {
    /// The most the tool reads from one input: far above any cookie or session.
    static let maxByteCount = 16 << 20

    static func read(_ path: String?) throws(ToolError) -> [UInt8] {
        let bytes: [UInt8]
        if let path, path != "-" {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ToolError("cannot read \(path): check the path and its permissions")
            }
            bytes = Array(data)
        } else {
            bytes = Array(FileHandle.standardInput.readDataToEndOfFile())
        }
        guard bytes.count <= maxByteCount else {
            throw ToolError("the input is over \(maxByteCount >> 20) MiB")
        }
        return bytes
    }

    /// The input as text without surrounding whitespace.
    static func readText(_ argument: String?, orFile path: String?) throws(ToolError) -> String {
        var text = argument ?? ""
        if argument == nil { text = String(decoding: try read(path), as: UTF8.self) }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
