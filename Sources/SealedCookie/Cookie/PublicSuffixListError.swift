/// Why a Public Suffix List could not be loaded.
package enum PublicSuffixListError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be read.
    case unreadable(path: String)
    /// The file is larger than the limit given to ``PublicSuffixList/init(contentsOf:maxByteCount:)``.
    case tooLarge(byteCount: Int, limit: Int)
    /// The file is not UTF-8 text.
    case notUTF8
    /// A rule is not valid (wildcard not leftmost, empty label, invalid character, or a label
    /// that cannot be converted to an A-label); the line number is 1-based.
    case invalidRule(line: Int)
    /// The text holds no rules at all, which would make every domain acceptable.
    case noRules

    package var description: String {
        switch self {
        case .unreadable(let path):
            "the Public Suffix List file at \(path) could not be read"
        case .tooLarge(let byteCount, let limit):
            "the Public Suffix List file is \(byteCount) bytes, over the limit of \(limit)"
        case .notUTF8:
            "the Public Suffix List file is not UTF-8 text"
        case .invalidRule(let line):
            "line \(line) of the Public Suffix List is not a valid rule"
        case .noRules:
            "the Public Suffix List holds no rules; refusing it, since every domain would pass"
        }
    }
}
