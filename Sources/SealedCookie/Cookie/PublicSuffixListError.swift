/// Why a Public Suffix List could not be loaded.
public enum PublicSuffixListError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The list bundled with the package could not be found (the resource bundle was not
    /// deployed next to the executable).
    case bundledListMissing
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

    public var description: String {
        switch self {
        case .bundledListMissing:
            "the bundled Public Suffix List is missing: deploy the SealedCookie resource bundle with the executable, or load a list with PublicSuffixList(contentsOf:)"
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
