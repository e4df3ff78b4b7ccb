/// The members of a compact JSON object text (no whitespace outside strings, as
/// ``JSONDocument`` makes it): each key as written between its quotes, and where its value is.
struct JSONMember {
    /// The key's bytes between the quotes, escapes as written.
    let key: ArraySlice<UInt8>
    /// Where the value's text is.
    let value: Range<Int>

    /// The top-level members of `bytes`, or nil when it is not a compact JSON object.
    static func members(of bytes: [UInt8]) -> [JSONMember]? {
        var scanner = Scanner(bytes: bytes)
        guard scanner.take(UInt8(ascii: "{")) else { return nil }
        var members: [JSONMember] = []
        if scanner.take(UInt8(ascii: "}")) { return scanner.atEnd ? members : nil }
        repeat {
            guard let key = scanner.string(), scanner.take(UInt8(ascii: ":")), let value = scanner.value() else {
                return nil
            }
            members.append(JSONMember(key: bytes[key.lowerBound + 1..<key.upperBound - 1], value: value))
        } while scanner.take(UInt8(ascii: ","))
        guard scanner.take(UInt8(ascii: "}")), scanner.atEnd else { return nil }
        return members
    }

    /// Finds the extent of strings and values; checks only what that needs.
    private struct Scanner {
        let bytes: [UInt8]
        var offset = 0

        var atEnd: Bool { offset == bytes.count }

        mutating func take(_ byte: UInt8) -> Bool {
            guard offset < bytes.count, bytes[offset] == byte else { return false }
            offset += 1
            return true
        }

        /// A string with its quotes.
        mutating func string() -> Range<Int>? {
            let start = offset
            guard take(UInt8(ascii: "\"")) else { return nil }
            while offset < bytes.count {
                let byte = bytes[offset]
                offset += byte == UInt8(ascii: "\\") ? 2 : 1
                if byte == UInt8(ascii: "\"") { return start..<offset }
            }
            return nil
        }

        /// A string, an object or array with everything in it, or a number or literal.
        mutating func value() -> Range<Int>? {
            let start = offset
            var depth = 0
            while offset < bytes.count {
                switch bytes[offset] {
                case UInt8(ascii: "\""):
                    guard string() != nil else { return nil }
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                    offset += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    guard depth > 0 else { return offset > start ? start..<offset : nil }
                    depth -= 1
                    offset += 1
                case UInt8(ascii: ","):
                    guard depth > 0 else { return offset > start ? start..<offset : nil }
                    offset += 1
                default:
                    offset += 1
                }
            }
            return nil
        }
    }
}
