#if PostgreSQL
/// The name of the revocation table: a plain PostgreSQL identifier, optionally qualified by a
/// schema (`auth.sealed_cookie_revocations`).
///
/// It is spliced into the SQL (a table name cannot be a bound parameter), so it is checked
/// rather than escaped: each part is 1 to 63 lowercase ASCII letters, digits or underscores,
/// not starting with a digit. Configuration is not request input, but a checked name cannot
/// become SQL whatever its origin.
public struct PostgresTableName: Sendable, Equatable, CustomStringConvertible {
    /// `sealed_cookie_revocations`.
    public static let `default` = PostgresTableName(checked: "sealed_cookie_revocations")

    /// The name as written in SQL.
    public let description: String

    /// Checks `name`.
    /// - Throws: ``PostgresTableNameError`` when it is not a plain identifier or `schema.table`.
    public init(_ name: String) throws(PostgresTableNameError) {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy(Self.isIdentifier) else {
            throw .notAnIdentifier(name)
        }
        self.init(checked: name)
    }

    private init(checked name: String) {
        self.description = name
    }

    private static func isIdentifier(_ part: Substring) -> Bool {
        // PostgreSQL's NAMEDATALEN less one; longer names are truncated silently by the server.
        guard let first = part.utf8.first, part.utf8.count <= 63,
            !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
        else { return false }
        return part.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "_")
        }
    }
}

/// Why a table name was refused.
public enum PostgresTableNameError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The name is not 1 or 2 dot-separated parts of 1 to 63 lowercase ASCII letters, digits and
    /// underscores, each not starting with a digit.
    case notAnIdentifier(String)

    /// A description for logs.
    public var description: String {
        switch self {
        case .notAnIdentifier(let name):
            "table name \(String(reflecting: name)) is not [schema.]table of lowercase letters, digits and underscores"
        }
    }
}
#endif
