extension SeededGenerator {
    /// Bytes that JSON mutations insert or substitute: structure, escapes, number and literal
    /// characters, a NUL, a UTF-8 lead byte and a byte that is never UTF-8.
    public static let jsonMutationBytes: [UInt8] = Array("{}[]\",:\\-.e0159tfnul ".utf8) + [0x00, 0xC3, 0xFF]

    /// `bytes` after one to `maxEdits` random edits, each replacing a byte with one of
    /// `interesting`, removing one, or inserting one; never empty.
    public mutating func mutated(
        _ bytes: [UInt8], maxEdits: Int = 3, interesting: [UInt8] = jsonMutationBytes
    ) -> [UInt8] {
        var bytes = bytes.isEmpty ? [UInt8(ascii: "{")] : bytes
        for _ in 0..<Int.random(in: 1...maxEdits, using: &self) {
            let index = Int.random(in: 0..<bytes.count, using: &self)
            switch Int.random(in: 0..<3, using: &self) {
            case 0: bytes[index] = interesting.randomElement(using: &self) ?? 0
            case 1: bytes.remove(at: index)
            default: bytes.insert(interesting.randomElement(using: &self) ?? 0, at: index)
            }
            if bytes.isEmpty { bytes = [UInt8(ascii: "{")] }
        }
        return bytes
    }
}
