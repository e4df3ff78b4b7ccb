/// Turns the bytes of a JSON string (between its quotes) into a Swift string.
enum JSONStringDecoding {
    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// The string, or nil when it is not valid UTF-8 or holds an unpaired surrogate escape.
    static func decode(_ raw: UnsafeBufferPointer<UInt8>, hasEscapes: Bool, isASCII: Bool = false) -> String? {
        // `String(decoding:as:)` is the fast path of the standard library (`String(validating:)`
        // goes through generic code and metadata lookups); it repairs rather than refuses, so
        // text that is not known to be ASCII is validated first.
        if !hasEscapes {
            guard isASCII || isValidUTF8(raw) else { return nil }
            return String(decoding: raw, as: UTF8.self)
        }
        var output: [UInt8] = []
        output.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            guard byte == UInt8(ascii: "\\") else {
                output.append(byte)
                index += 1
                continue
            }
            let escape = raw[index + 1]
            index += 2
            switch escape {
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                guard var scalar = codeUnit(raw, at: index) else { return nil }
                index += 4
                if (0xD800..<0xDC00).contains(scalar) {
                    // A high surrogate must be followed by an escaped low surrogate.
                    guard index + 6 <= raw.count, raw[index] == UInt8(ascii: "\\"), raw[index + 1] == UInt8(ascii: "u"),
                        let low = codeUnit(raw, at: index + 2), (0xDC00..<0xE000).contains(low)
                    else { return nil }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    index += 6
                } else if (0xDC00..<0xE000).contains(scalar) {
                    return nil
                }
                guard let unicode = Unicode.Scalar(scalar) else { return nil }
                output.append(contentsOf: UTF8.encode(unicode).map { Array($0) } ?? [])
            default: output.append(escape)
            }
        }
        return output.withUnsafeBufferPointer { isValidUTF8($0) ? String(decoding: $0, as: UTF8.self) : nil }
    }

    /// Whether `bytes` is well-formed UTF-8 (Unicode 3.9, table 3-7: no overlong forms, no
    /// surrogates, nothing above U+10FFFF).
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index &+= 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                high = 0x9F
            case 0xF0:
                length = 4
                low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                high = 0x8F
            default: return false
            }
            guard count &- index >= length else { return false }
            let second = bytes[index &+ 1]
            guard second >= low, second <= high else { return false }
            for offset in 2..<max(2, length) where bytes[index &+ offset] & 0xC0 != 0x80 {
                return false
            }
            index &+= length
        }
        return true
    }

    private static func codeUnit(_ raw: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt32? {
        guard index + 4 <= raw.count else { return nil }
        var value: UInt32 = 0
        for offset in 0..<4 {
            guard let digit = hexValue(raw[index + offset]) else { return nil }
            value = value << 4 | digit
        }
        return value
    }
}
