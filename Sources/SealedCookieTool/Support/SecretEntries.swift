/// The entries of a secret section: each `LEB128(length) || bytes` (SPEC.md, "Secret section").
enum SecretEntries {
    static func joined(_ entries: [[UInt8]]) -> [UInt8] {
        var out: [UInt8] = []
        for entry in entries {
            var length = entry.count
            while length >= 0x80 {
                out.append(UInt8(length & 0x7F) | 0x80)
                length >>= 7
            }
            out.append(UInt8(length))
            out += entry
        }
        return out
    }

    /// The entries, or nil when `section` is not a sequence of complete entries.
    static func split(_ section: [UInt8]) -> [[UInt8]]? {
        var entries: [[UInt8]] = []
        var offset = 0
        while offset < section.count {
            var length = 0
            var shift = 0
            while true {
                guard offset < section.count, shift <= 21 else { return nil }
                let byte = section[offset]
                offset += 1
                length |= Int(byte & 0x7F) << shift
                shift += 7
                if byte & 0x80 == 0 { break }
            }
            guard length <= section.count - offset else { return nil }
            entries.append(Array(section[offset..<offset + length]))
            offset += length
        }
        return entries
    }
}
