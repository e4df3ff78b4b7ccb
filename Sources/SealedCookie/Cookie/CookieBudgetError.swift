/// Which size limit a cookie or a request's cookies break, with the sizes involved.
///
/// These are raised when encoding, so that an oversized session fails loudly on the server
/// instead of being dropped by the browser or refused by a proxy (a login loop in production).
public enum CookieBudgetError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `name=value` is over the per-cookie limit browsers enforce (the `=` is not counted).
    case nameValueTooLarge(name: String, byteCount: Int, limit: Int)
    /// The whole Set-Cookie header value (name, value and attributes) is over the limit.
    case setCookieTooLarge(name: String, byteCount: Int, limit: Int)
    /// The session's share of the request's `Cookie` header line, plus the reserve for the
    /// site's other cookies, is over the request-header budget.
    case requestHeaderTooLarge(byteCount: Int, reserve: Int, limit: Int)

    public var description: String {
        switch self {
        case .nameValueTooLarge(let name, let byteCount, let limit):
            "the cookie '\(name)' has \(byteCount) bytes of name and value, over the per-cookie limit of \(limit) that browsers enforce; store less in the session, or allow chunking"
        case .setCookieTooLarge(let name, let byteCount, let limit):
            "the Set-Cookie header for '\(name)' is \(byteCount) bytes with its attributes, over the limit of \(limit) (set for older browsers); store less in the session, allow chunking, or raise the limit"
        case .requestHeaderTooLarge(let byteCount, let reserve, let limit):
            "the session cookies would take \(byteCount) bytes of the request's Cookie header line; with \(reserve) bytes reserved for the site's other cookies that is over the \(limit)-byte request-header budget (the nginx/Apache default), so proxies would answer 400: store less in the session"
        }
    }
}
