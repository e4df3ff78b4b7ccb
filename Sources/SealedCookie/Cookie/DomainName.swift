/// A checked, normalised ASCII domain name: lowercase, no leading or trailing dot, LDH labels
/// (plus `_`, which real host names use) of 1 to 63 bytes, at most 253 bytes in all, valid
/// Punycode in every `xn--` label, and not an IP address.
struct DomainName: Sendable, Hashable {
    static let maxByteCount = 253
    static let maxLabelByteCount = 63

    /// The normalised name.
    let text: String

    /// Checks and normalises `text`; the length is checked before anything else is done.
    /// - Parameter allowingLeadingDot: drop one leading dot, as RFC 6265 does for a Domain
    ///   attribute (a request host never has one).
    init(_ text: String, allowingLeadingDot: Bool) throws(DomainNameError) {
        var bytes = Substring(text).utf8[...]
        if allowingLeadingDot, bytes.first == UInt8(ascii: ".") { bytes = bytes.dropFirst() }
        guard !bytes.isEmpty else { throw .empty }
        guard bytes.count <= Self.maxByteCount else { throw .tooLong(length: bytes.count) }
        guard bytes.allSatisfy({ $0 < 0x80 }) else { throw .notASCII }
        // IPv6 (bracketed, or at least two colons); a single colon is a port, refused below.
        if bytes.first == UInt8(ascii: "[") || bytes.lazy.filter({ $0 == UInt8(ascii: ":") }).count >= 2 {
            throw .ipAddress
        }

        var normalised: [UInt8] = []
        normalised.reserveCapacity(bytes.count)
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): normalised.append(byte | 0x20)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"),
                UInt8(ascii: "_"), UInt8(ascii: "."):
                normalised.append(byte)
            default: throw .invalidCharacter(CookieGrammar.describe(byte))
            }
        }
        let labels = normalised.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        for label in labels {
            guard !label.isEmpty else { throw .emptyLabel }
            guard label.count <= Self.maxLabelByteCount else { throw .labelTooLong(length: label.count) }
            guard label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-") else { throw .hyphenAtLabelEdge }
            if label.starts(with: "xn--".utf8), !Self.isALabel(label) {
                throw .invalidALabel(String(decoding: label, as: UTF8.self))
            }
        }
        if let last = labels.last, Self.looksNumeric(last) { throw .ipAddress }
        self.text = String(decoding: normalised, as: UTF8.self)
    }

    /// The labels, left to right.
    var labels: [Substring] {
        text.split(separator: ".", omittingEmptySubsequences: false)
    }

    /// Whether the name is `other` or a subdomain of it: RFC 6265 section 5.1.3 domain-match
    /// for two checked names (neither is an IP address, so the string rule applies).
    func isEqualOrSubdomain(of other: DomainName) -> Bool {
        let name = text.utf8
        let root = other.text.utf8
        guard name.count > root.count else { return text == other.text }
        let dot = name.index(name.endIndex, offsetBy: -(root.count + 1))
        return name[dot] == UInt8(ascii: ".") && name[name.index(after: dot)...].elementsEqual(root)
    }

    /// An `xn--` label that decodes, holds a non-ASCII character and re-encodes to itself.
    private static func isALabel(_ label: ArraySlice<UInt8>) -> Bool {
        let encoded = Substring(decoding: label.dropFirst(4), as: UTF8.self)
        guard let scalars = Punycode.decode(encoded.utf8), scalars.contains(where: { !$0.isASCII }),
            let again = Punycode.encode(scalars)
        else { return false }
        return again == encoded
    }

    /// A last label that is a number (`1`, `0x7f`) makes the host an IPv4 address (WHATWG URL
    /// "ends in a number"); no top-level domain is numeric.
    private static func looksNumeric(_ label: ArraySlice<UInt8>) -> Bool {
        if label.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) { return true }
        if label.count >= 2, label.first == UInt8(ascii: "0"), label.dropFirst().first == UInt8(ascii: "x") {
            return label.dropFirst(2).allSatisfy { byte in
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                    || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            }
        }
        return false
    }
}
