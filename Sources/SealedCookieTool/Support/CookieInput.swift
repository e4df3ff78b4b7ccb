import SealedCookie

/// What a user pastes or pipes in for `decode` and `inspect`, as the `Cookie` header field
/// values the library reads: a bare cookie value, `name=value` pairs, or whole `Cookie:` header
/// lines (one field a line, as HTTP/2 may split them).
enum CookieInput {
    private static let fieldName = "cookie:"

    static func headerFields(_ text: String, cookieName: String) throws(ToolError) -> [String] {
        guard !text.isEmpty else {
            throw ToolError("no cookie given: pass a cookie value or Cookie header, or pipe one in")
        }
        // A bare value: base64url has no `=`.
        guard text.lowercased().hasPrefix(fieldName) || text.contains("=") else { return ["\(cookieName)=\(text)"] }
        return text.split(whereSeparator: \.isNewline).map { line in
            line.lowercased().hasPrefix(fieldName) ? String(line.dropFirst(fieldName.count)) : String(line)
        }
    }

    /// The value of the first cookie named `cookieName` in the fields.
    static func firstValue(named cookieName: String, in fields: [String]) throws(ToolError) -> String {
        let header: CookieHeader
        do {
            header = try CookieHeader(parsing: fields)
        } catch {
            throw ToolError("\(error)")
        }
        guard let value = header.firstValue(named: cookieName) else { throw missing(cookieName, in: fields) }
        return value
    }

    /// The error for header fields without a cookie named `cookieName`, listing the names they have.
    static func missing(_ cookieName: String, in fields: [String]) -> ToolError {
        let names = ((try? CookieHeader(parsing: fields))?.pairs ?? []).map(\.name)
        return ToolError(
            "no cookie named '\(cookieName)' in the Cookie header (it has: \(names.isEmpty ? "none" : names.joined(separator: ", "))); "
                + "use --cookie-name")
    }
}
