/// Why a request's `Cookie` header was refused before being parsed.
///
/// These describe untrusted input: expect them and treat the request as carrying no session.
public enum CookieHeaderError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The `Cookie` header fields together are longer than the limit.
    case headerTooLong(length: Int, limit: Int)
    /// The header holds more cookie pairs than the limit.
    case tooManyPairs(limit: Int)

    public var description: String {
        switch self {
        case .headerTooLong(let length, let limit):
            "the Cookie header is \(length) bytes, over the limit of \(limit); it was not parsed"
        case .tooManyPairs(let limit):
            "the Cookie header holds more than \(limit) cookies; it was not parsed further"
        }
    }
}
