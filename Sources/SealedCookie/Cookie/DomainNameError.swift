/// Why a string is not a usable domain name for a cookie.
///
/// Descriptions name the problem and the fix; they quote at most the offending label, never a
/// cookie value.
public enum DomainNameError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The name is empty (or only a dot).
    case empty
    /// The name is longer than 253 bytes, the DNS limit.
    case tooLong(length: Int)
    /// The name has an empty label: two dots in a row, or a trailing dot.
    case emptyLabel
    /// A label is longer than 63 bytes, the DNS limit.
    case labelTooLong(length: Int)
    /// The name contains a character other than ASCII letters, digits, `-` and `_`.
    case invalidCharacter(String)
    /// A label starts or ends with a hyphen.
    case hyphenAtLabelEdge
    /// The name contains non-ASCII characters: it must be given as IDNA A-labels.
    case notASCII
    /// A label starts with `xn--` but is not valid Punycode for a non-ASCII label.
    case invalidALabel(String)
    /// The name is an IPv4 or IPv6 address, which cannot carry a Domain attribute.
    case ipAddress

    public var description: String {
        switch self {
        case .empty:
            "the domain name is empty"
        case .tooLong(let length):
            "the domain name is \(length) bytes, over the DNS limit of 253"
        case .emptyLabel:
            "the domain name has an empty label (two dots in a row, or a trailing dot); write it as 'example.com'"
        case .labelTooLong(let length):
            "a label of the domain name is \(length) bytes, over the DNS limit of 63"
        case .invalidCharacter(let byte):
            "the domain name contains \(byte); only ASCII letters, digits, '-' and '_' are allowed in a label"
        case .hyphenAtLabelEdge:
            "a label of the domain name starts or ends with '-'"
        case .notASCII:
            "the domain name contains non-ASCII characters; convert it to IDNA A-labels first (UTS #46 ToASCII, e.g. 'bücher.example' -> 'xn--bcher-kva.example')"
        case .invalidALabel(let label):
            "the label '\(label)' starts with 'xn--' but is not a valid IDNA A-label (bad Punycode, or it decodes to plain ASCII)"
        case .ipAddress:
            "an IP address cannot be a cookie domain; use host-only scope for deployments addressed by IP"
        }
    }
}
