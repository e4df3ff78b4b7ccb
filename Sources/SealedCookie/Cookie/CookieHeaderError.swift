/// Why a request's `Cookie` header was refused before being parsed.
///
/// These describe untrusted input: expect them and treat the request as carrying no session.
package enum CookieHeaderError: Error, Equatable, Sendable {
    /// The `Cookie` header fields together are longer than the limit.
    case headerTooLong(length: Int, limit: Int)
    /// The header holds more cookie pairs than the limit.
    case tooManyPairs(limit: Int)

}
