/// Base64url without padding (RFC 4648 section 5), strict on decode.
///
/// The cookie value is ciphertext, not a secret, so this table-driven codec is used instead of
/// libsodium's constant-time one (several times faster). Key material is decoded with
/// libsodium's constant-time `sodium_base642bin` instead (see ``SessionKey``).
enum Base64URL {
    private static let alphabet: [UInt8] = Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// 0...63 for alphabet bytes, 0xFF for everything else.
    private static let decodeTable: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(index) }
        return table
    }()

    /// The number of characters `encode` produces for `byteCount` bytes.
    static func encodedLength(of byteCount: Int) -> Int {
        (byteCount * 4 + 2) / 3
    }

    /// The number of bytes a valid text of `length` characters decodes to, or nil when no valid
    /// text has that length (a remainder of 1 character modulo 4).
    static func decodedLength(of length: Int) -> Int? {
        length % 4 == 1 ? nil : length * 3 / 4
    }

    static func encode(_ bytes: UnsafeRawBufferPointer) -> String {
        let length = encodedLength(of: bytes.count)
        return String(unsafeUninitializedCapacity: length) { out in
            alphabet.withUnsafeBufferPointer { table in
                var input = 0
                var output = 0
                while input + 3 <= bytes.count {
                    let word = UInt32(bytes[input]) << 16 | UInt32(bytes[input + 1]) << 8 | UInt32(bytes[input + 2])
                    out[output] = table[Int(word >> 18)]
                    out[output + 1] = table[Int(word >> 12 & 0x3F)]
                    out[output + 2] = table[Int(word >> 6 & 0x3F)]
                    out[output + 3] = table[Int(word & 0x3F)]
                    input += 3
                    output += 4
                }
                let remaining = bytes.count - input
                if remaining > 0 {
                    let second = remaining == 2 ? UInt32(bytes[input + 1]) : 0
                    let word = UInt32(bytes[input]) << 16 | second << 8
                    out[output] = table[Int(word >> 18)]
                    out[output + 1] = table[Int(word >> 12 & 0x3F)]
                    if remaining == 2 { out[output + 2] = table[Int(word >> 6 & 0x3F)] }
                }
            }
            return length
        }
    }

    static func encode(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { encode($0) }
    }

    /// Decodes `text`, or returns nil when it is not canonical unpadded base64url: any byte outside
    /// the alphabet (including `=`, `+`, `/` and whitespace), an impossible length, or non-zero
    /// bits left over in the last character.
    static func decode(_ text: Substring.UTF8View) -> [UInt8]? {
        if let decoded = text.withContiguousStorageIfAvailable({ decode($0) }) { return decoded }
        return Array(text).withUnsafeBufferPointer { decode($0) }
    }

    /// `decode` over contiguous UTF-8: four characters to three bytes at a time.
    static func decode(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard let count = decodedLength(of: text.count) else { return nil }
        var result = [UInt8](repeating: 0, count: count)
        let valid = decodeTable.withUnsafeBufferPointer { table in
            result.withUnsafeMutableBufferPointer { out -> Bool in
                var input = 0
                var output = 0
                while input + 4 <= text.count {
                    let a = UInt32(table[Int(text[input])])
                    let b = UInt32(table[Int(text[input + 1])])
                    let c = UInt32(table[Int(text[input + 2])])
                    let d = UInt32(table[Int(text[input + 3])])
                    // 0xFF in any lane sets a bit above the 24 that valid characters fill.
                    guard (a | b | c | d) & 0x80 == 0 else { return false }
                    let word = a << 18 | b << 12 | c << 6 | d
                    out[output] = UInt8(truncatingIfNeeded: word >> 16)
                    out[output + 1] = UInt8(truncatingIfNeeded: word >> 8)
                    out[output + 2] = UInt8(truncatingIfNeeded: word)
                    input += 4
                    output += 3
                }
                var accumulator: UInt32 = 0
                var bits = 0
                while input < text.count {
                    let value = table[Int(text[input])]
                    if value == 0xFF { return false }
                    accumulator = accumulator << 6 | UInt32(value)
                    bits += 6
                    if bits >= 8 {
                        bits -= 8
                        out[output] = UInt8(truncatingIfNeeded: accumulator >> UInt32(bits))
                        output += 1
                    }
                    input += 1
                }
                // Canonical: the bits that do not make a whole byte must be zero.
                return accumulator & ((1 << UInt32(bits)) - 1) == 0
            }
        }
        return valid ? result : nil
    }

    static func decode(_ text: String) -> [UInt8]? {
        var text = text
        return text.withUTF8 { decode($0) }
    }
}
