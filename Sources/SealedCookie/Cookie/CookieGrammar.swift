/// Byte classes of the cookie grammar (RFC 6265 section 4.1.1, RFC 9110 section 5.6.2), checked
/// byte by byte on UTF-8, so non-ASCII input is always rejected.
enum CookieGrammar {
    /// RFC 9110 `tchar`: `!#$%&'*+-.^_`|~`, digits and letters. A cookie name is a `token`.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "A")...UInt8(ascii: "Z"):
            true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
            UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    /// RFC 6265 section 4.1.1 `cookie-octet`: 0x21, 0x23-0x2B, 0x2D-0x3A, 0x3C-0x5B, 0x5D-0x7E
    /// (US-ASCII except controls, whitespace, DQUOTE, comma, semicolon and backslash). The
    /// base64url alphabet lies inside it.
    static func isCookieOctet(_ byte: UInt8) -> Bool {
        // The ranges above as bits: 0x21 to 0x7E less 0x22 ("), 0x2C (,), 0x3B (;), 0x5C (\).
        let (low, high): (UInt64, UInt64) = (0xF7FF_EFFA_0000_0000, 0x7FFF_FFFF_EFFF_FFFF)
        return byte < 64 ? low >> byte & 1 == 1 : byte < 128 && high >> (byte - 64) & 1 == 1
    }

    /// A Path value byte: RFC 6265 section 4.1.1 `av-octet` (any CHAR except CTLs or `;`),
    /// less what URLs always percent-encode or never carry in a path (WHATWG URL path
    /// percent-encode set, `#`, `?`, and `\`, which parsers turn into `/`). The browser matches
    /// the Path against the request's encoded path, so a cookie whose Path holds one of these is
    /// never sent back: write the path percent-encoded (`/a%20b`).
    static func isPathOctet(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\""), UInt8(ascii: "#"), UInt8(ascii: ";"), UInt8(ascii: "<"),
            UInt8(ascii: ">"), UInt8(ascii: "?"), UInt8(ascii: "\\"), UInt8(ascii: "^"), UInt8(ascii: "`"),
            UInt8(ascii: "{"), UInt8(ascii: "}"):
            false
        default:
            (0x21...0x7E).contains(byte)
        }
    }

    /// The first byte of `bytes` failing `isAllowed`, with its offset.
    @inline(__always)  // So that `isAllowed` is inlined into the loop: it runs on every byte of a value.
    static func firstInvalid(
        in bytes: String.UTF8View, where isAllowed: (UInt8) -> Bool
    ) -> (offset: Int, byte: UInt8)? {
        // Native strings are contiguous: scan their buffer rather than step the view's indices.
        bytes.withContiguousStorageIfAvailable { firstInvalid(in: $0, where: isAllowed) }
            ?? firstInvalid(in: Array(bytes), where: isAllowed)
    }

    @inline(__always)
    private static func firstInvalid(
        in bytes: some Collection<UInt8>, where isAllowed: (UInt8) -> Bool
    ) -> (offset: Int, byte: UInt8)? {
        var offset = 0
        for byte in bytes {
            if !isAllowed(byte) { return (offset, byte) }
            offset += 1
        }
        return nil
    }

    /// Shows a byte in an error message: printable ASCII as itself, anything else as hex.
    static func describe(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte)
            ? "'\(Character(Unicode.Scalar(byte)))'"
            : "0x" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
    }
}

extension String {
    /// The string with leading zeros up to `width` characters.
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
