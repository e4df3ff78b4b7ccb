/// A request's `Cookie` fields, parsed once within the cookie layer's limits, for a caller that
/// reads the session and writes its cookies on the same request. A parse that failed is kept
/// with its error: reading the session reports it, and a write, not knowing which chunks the
/// browser holds, deletes every one that could exist.
package struct RequestCookies: Sendable {
    /// The parsed fields, or why they could not be parsed.
    private let parsed: Result<CookieHeader, CookieHeaderError>

    /// Parses `fields`, every `Cookie` field value of the request in order.
    package init(parsing fields: [String], limits: CookieHeader.Limits) {
        parsed = Result { () throws(CookieHeaderError) in try CookieHeader(parsing: fields, limits: limits) }
    }

    /// The parsed fields, or nil when they broke a parsing limit.
    package var header: CookieHeader? {
        try? parsed.get()
    }

    /// The parsed fields.
    /// - Throws: the reading error for the parsing limit the fields broke.
    func parsedHeader() throws(SessionCookieError) -> CookieHeader {
        switch parsed {
        case .success(let header): return header
        case .failure(let error): throw SessionCookieError(error)
        }
    }
}
