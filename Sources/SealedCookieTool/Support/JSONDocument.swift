import Foundation

/// A session document: JSON that was checked to parse, with insignificant whitespace removed
/// and everything else (key order, number spelling, escapes) kept byte for byte.
struct JSONDocument {
    let bytes: [UInt8]

    /// - Throws: ``ToolError`` when `raw` is not a JSON text; `origin` names it in the message.
    init(_ raw: [UInt8], origin: String) throws(ToolError) {
        do {
            _ = try JSONSerialization.jsonObject(with: Data(raw), options: [.fragmentsAllowed])
        } catch {
            throw ToolError("\(origin) is not valid JSON: a session document must be a JSON text")
        }
        bytes = Self.compacted(raw)
    }

    /// Drops spaces, tabs and line breaks outside strings (the only insignificant bytes in JSON).
    static func compacted(_ raw: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(raw.count)
        var inString = false
        var escaped = false
        for byte in raw {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            } else if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                continue
            }
            output.append(byte)
        }
        return output
    }
}
