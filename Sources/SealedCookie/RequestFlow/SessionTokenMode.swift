/// Token mode: the sealed session carried in `Authorization: Bearer <value>` instead of a
/// cookie, for API clients on another origin that cannot (or should not) use cookies.
///
/// Tokens are sealed under their own purpose (``SealedSessionConfiguration/tokenCodec``): a
/// token lives where the client's JavaScript can read it, so it must not work as the HttpOnly
/// cookie, and a cookie value must not work as a token.
///
/// A request is a *token request* when it carries `Authorization: Bearer …` (scheme matched
/// case-insensitively, the first bearer field that is not empty), or when it carries the
/// ``responseHeader`` field itself (any value) to ask for a token, as a login request does.
/// For a token request the middleware opens the bearer value (the cookie is ignored), and
/// returns every new or re-sealed value in ``responseHeader`` instead of `Set-Cookie`. Clearing
/// the session sends nothing: the client drops its token (revoke it with a
/// ``SessionRevocationCheck`` if copies must stop working).
///
/// Browsers only let another origin send `Authorization` and read the response header when CORS
/// allows it: put the framework's CORS middleware in front of the session middleware, allowing
/// the `Authorization` and `Session-Token` request fields and exposing `Session-Token`.
///
/// A bearer token is not sent automatically by the browser, so token requests need no CSRF
/// protection; the price is that the token is readable by the client's JavaScript (no HttpOnly).
public struct SessionTokenMode: Sendable, Equatable {
    /// The response field that carries a new or re-sealed token, and the request field a client
    /// sends to ask for one: an HTTP field name (RFC 9110 `token`), checked by
    /// ``SealedSessionConfiguration``. Default `Session-Token`.
    public let responseHeader: String

    /// Turns token mode on.
    /// - Parameter responseHeader: The field that carries tokens back to the client.
    public init(responseHeader: String = "Session-Token") {
        self.responseHeader = responseHeader
    }

    /// Whether ``responseHeader`` is a field name (RFC 9110 `token`).
    var isValid: Bool {
        !responseHeader.isEmpty && responseHeader.utf8.allSatisfy(CookieGrammar.isTokenByte)
    }

    /// The bearer value in the request's `Authorization` fields, if one carries a value.
    static func bearerToken(in authorizationFields: [String]) -> String? {
        for field in authorizationFields {
            let parts = field.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
            // RFC 9110 section 11.1: the auth scheme is case-insensitive.
            if parts.count == 2, parts[0].lowercased() == "bearer" {
                let token = parts[1].drop { $0 == " " }
                if !token.isEmpty { return String(token) }
            }
        }
        return nil
    }
}
