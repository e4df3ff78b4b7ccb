/// Which size limit a cookie or a request's cookies break, with the sizes involved.
///
/// Raised when encoding (and reported as the flat ``SessionCookieError`` cases), so that an oversized session fails loudly on the server
/// instead of being dropped by the browser or refused by a proxy (a login loop in production).
package enum CookieBudgetError: Error, Equatable, Sendable {
    /// `name=value` is over the per-cookie limit browsers enforce (the `=` is not counted).
    case nameValueTooLarge(name: String, byteCount: Int, limit: Int)
    /// The whole Set-Cookie header value (name, value and attributes) is over the limit.
    case setCookieTooLarge(name: String, byteCount: Int, limit: Int)
    /// The session's share of the request's `Cookie` header line, plus the reserve for the
    /// site's other cookies, is over the request-header budget.
    case requestHeaderTooLarge(byteCount: Int, reserve: Int, limit: Int)

}
