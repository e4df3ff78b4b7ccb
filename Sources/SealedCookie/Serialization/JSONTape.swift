/// A JSON text parsed into a flat list of nodes in document order (RFC 8259, strict): one
/// allocation for the whole document, and values are only converted when they are read.
struct JSONTape {
    enum Kind: UInt8 {
        case null, `false`, `true`, number, string, array, object
    }

    /// One value. An array's elements follow it; an object's entries follow it as key, value,
    /// key, value …; `next` skips past the value and everything inside it.
    struct Node {
        var kind: Kind
        /// Strings: whether the contents hold escapes.
        var hasEscapes = false
        /// Strings: whether the raw contents are all ASCII (so valid UTF-8, and equal as
        /// Swift strings exactly when equal as bytes).
        var isASCII = false
        /// Strings: the bytes between the quotes; numbers: the number's bytes.
        var start: Int32 = 0
        var end: Int32 = 0
        /// The index after this value and its contents.
        var next: Int32 = 0
        /// Arrays: elements; objects: entries.
        var count: Int32 = 0
    }

    /// Why a text is not JSON, and where.
    struct SyntaxError: Error {
        let offset: Int
        let reason: String
    }

    /// The most nested arrays and objects accepted.
    static let maxDepth = 512

    let bytes: [UInt8]
    var nodes: [Node] = []

    init(parsing bytes: [UInt8]) throws(SyntaxError) {
        self.bytes = bytes
        guard bytes.count < Int(Int32.max) else { throw SyntaxError(offset: 0, reason: "document too large") }
        nodes.reserveCapacity(bytes.count / 6 + 4)
        try bytes.withUnsafeBufferPointer { buffer throws(SyntaxError) in
            var parser = Parser(input: buffer)
            try parser.parseValue(into: &nodes, depth: 0)
            parser.skipWhitespace()
            guard parser.position == buffer.count else {
                throw SyntaxError(offset: parser.position, reason: "unexpected text after the value")
            }
        }
    }

    /// The parser's cursor over the input.
    private struct Parser {
        let input: UnsafeBufferPointer<UInt8>
        var position = 0

        mutating func skipWhitespace() {
            while position < input.count {
                switch input[position] {
                case 0x20, 0x09, 0x0A, 0x0D: position += 1
                default: return
                }
            }
        }

        private func fail(_ reason: String) -> SyntaxError {
            SyntaxError(offset: position, reason: reason)
        }

        mutating func parseValue(into nodes: inout [Node], depth: Int) throws(SyntaxError) {
            skipWhitespace()
            guard position < input.count else { throw fail("unexpected end of input") }
            switch input[position] {
            case UInt8(ascii: "{"): try parseContainer(into: &nodes, depth: depth, isObject: true)
            case UInt8(ascii: "["): try parseContainer(into: &nodes, depth: depth, isObject: false)
            case UInt8(ascii: "\""): try parseString(into: &nodes)
            case UInt8(ascii: "t"): try parseLiteral("true", .true, into: &nodes)
            case UInt8(ascii: "f"): try parseLiteral("false", .false, into: &nodes)
            case UInt8(ascii: "n"): try parseLiteral("null", .null, into: &nodes)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try parseNumber(into: &nodes)
            default: throw fail("unexpected character")
            }
        }

        private mutating func parseLiteral(_ text: StaticString, _ kind: Kind, into nodes: inout [Node])
            throws(SyntaxError)
        {
            let count = text.utf8CodeUnitCount
            guard position + count <= input.count else { throw fail("unexpected end of input") }
            for offset in 0..<count where input[position + offset] != text.utf8Start[offset] {
                throw fail("invalid literal")
            }
            position += count
            nodes.append(Node(kind: kind, next: Int32(nodes.count + 1)))
        }

        private mutating func parseNumber(into nodes: inout [Node]) throws(SyntaxError) {
            let start = position
            if input[position] == UInt8(ascii: "-") { position += 1 }
            guard position < input.count, isDigit(input[position]) else { throw fail("invalid number") }
            if input[position] == UInt8(ascii: "0") {
                position += 1
            } else {
                skipDigits()
            }
            if position < input.count, input[position] == UInt8(ascii: ".") {
                position += 1
                guard position < input.count, isDigit(input[position]) else { throw fail("invalid number") }
                skipDigits()
            }
            if position < input.count, input[position] | 0x20 == UInt8(ascii: "e") {
                position += 1
                if position < input.count, input[position] == UInt8(ascii: "+") || input[position] == UInt8(ascii: "-")
                {
                    position += 1
                }
                guard position < input.count, isDigit(input[position]) else { throw fail("invalid number") }
                skipDigits()
            }
            nodes.append(Node(kind: .number, start: Int32(start), end: Int32(position), next: Int32(nodes.count + 1)))
        }

        private func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

        private mutating func skipDigits() {
            while position < input.count, isDigit(input[position]) { position += 1 }
        }

        private mutating func parseString(into nodes: inout [Node]) throws(SyntaxError) {
            position += 1
            let start = position
            var hasEscapes = false
            var bits: UInt8 = 0
            var wordBits: UInt64 = 0
            while true {
                // Ordinary bytes eight at a time, up to the first that ends the string or needs
                // a closer look (the lowest flagged byte is exact).
                if input.count &- position >= 8, let base = input.baseAddress {
                    let word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
                    let special = JSONWriter.specialBytes(word)
                    if special == 0 {
                        wordBits |= word
                        position &+= 8
                        continue
                    }
                    let ordinary = special.trailingZeroBitCount >> 3
                    wordBits |= word & ((1 << UInt64(ordinary &* 8)) &- 1)
                    position &+= ordinary
                }
                guard position < input.count else { throw fail("unterminated string") }
                let byte = input[position]
                bits |= byte
                if byte == UInt8(ascii: "\"") { break }
                if byte < 0x20 { throw fail("control character in string") }
                if byte == UInt8(ascii: "\\") {
                    hasEscapes = true
                    position += 1
                    guard position < input.count else { throw fail("unterminated string") }
                    switch input[position] {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                        UInt8(ascii: "f"),
                        UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                        break
                    case UInt8(ascii: "u"):
                        guard position + 4 < input.count,
                            (1...4).allSatisfy({ JSONStringDecoding.hexValue(input[position + $0]) != nil })
                        else { throw fail("invalid \\u escape") }
                        position += 4
                    default:
                        throw fail("invalid escape")
                    }
                }
                position += 1
            }
            nodes.append(
                Node(
                    kind: .string, hasEscapes: hasEscapes,
                    isASCII: bits < 0x80 && wordBits & 0x8080_8080_8080_8080 == 0, start: Int32(start),
                    end: Int32(position), next: Int32(nodes.count + 1)))
            position += 1
        }

        private mutating func parseContainer(into nodes: inout [Node], depth: Int, isObject: Bool) throws(SyntaxError) {
            guard depth < JSONTape.maxDepth else { throw fail("nested too deeply") }
            let index = nodes.count
            nodes.append(Node(kind: isObject ? .object : .array))
            position += 1
            let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
            var count: Int32 = 0
            skipWhitespace()
            if position < input.count, input[position] == close {
                position += 1
            } else {
                while true {
                    if isObject {
                        skipWhitespace()
                        guard position < input.count, input[position] == UInt8(ascii: "\"") else {
                            throw fail("expected a key")
                        }
                        try parseString(into: &nodes)
                        skipWhitespace()
                        guard position < input.count, input[position] == UInt8(ascii: ":") else {
                            throw fail("expected ':'")
                        }
                        position += 1
                    }
                    try parseValue(into: &nodes, depth: depth + 1)
                    count += 1
                    skipWhitespace()
                    guard position < input.count else { throw fail("unexpected end of input") }
                    if input[position] == UInt8(ascii: ",") {
                        position += 1
                        continue
                    }
                    guard input[position] == close else { throw fail("expected ',' or a closing bracket") }
                    position += 1
                    break
                }
            }
            nodes[index].count = count
            nodes[index].next = Int32(nodes.count)
        }
    }
}
