#if Hummingbird
public import HTTPTypes

/// Token mode: the sealed session carried in `Authorization: Bearer <value>` instead of a
/// cookie, for API clients on another origin that cannot (or should not) use cookies.
///
/// Tokens are sealed under their own purpose (``SealedSessionConfiguration/tokenCodec``): a
/// token lives where the client's JavaScript can read it, so it must not work as the HttpOnly
/// cookie, and a cookie value must not work as a token.
///
/// A request is a *token request* when it carries `Authorization: Bearer …`, or when it carries
/// the ``responseHeader`` field itself (any value) to ask for a token, as a login request does.
/// For a token request the middleware opens the bearer value (the cookie is ignored), and
/// returns every new or re-sealed value in ``responseHeader`` instead of `Set-Cookie`. Clearing
/// the session sends nothing: the client drops its token (revoke it with a
/// `SessionRevocationCheck` if copies must stop working).
///
/// Browsers only let another origin send `Authorization` and read the response header when CORS
/// allows it; put Hummingbird's `CORSMiddleware` in front of the session middleware:
///
/// ```swift
/// router.add(middleware: CORSMiddleware(
///     allowOrigin: .oneOf("https://app.example.org"),
///     allowHeaders: [.accept, .authorization, .contentType, .origin, SessionTokenMode.defaultResponseHeader],
///     allowMethods: [.get, .post, .put, .delete, .options],
///     allowCredentials: false,                 // true only if that origin also sends cookies
///     exposedHeaders: ["Session-Token"]))      // lets the client read the re-sealed token
/// router.add(middleware: SealedSessionMiddleware(configuration: configuration))
/// ```
///
/// A bearer token is not sent automatically by the browser, so token requests need no CSRF
/// protection; the price is that the token is readable by the client's JavaScript (no HttpOnly).
public struct SessionTokenMode: Sendable {
    /// The response field that carries a new or re-sealed token, and the request field a client
    /// sends to ask for one. Default ``defaultResponseHeader``.
    public var responseHeader: HTTPField.Name

    /// `Session-Token`, the default ``responseHeader``.
    public static let defaultResponseHeader = HTTPField.Name("Session-Token")!  // A valid token literal: never nil.

    /// Turns token mode on.
    /// - Parameter responseHeader: The field that carries tokens back to the client.
    public init(responseHeader: HTTPField.Name = Self.defaultResponseHeader) {
        self.responseHeader = responseHeader
    }

    /// The bearer value of `request`, if it carries one.
    func bearerToken(in fields: HTTPFields) -> Substring? {
        for field in fields[values: .authorization] {
            let parts = field.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
            // RFC 9110 section 11.1: the auth scheme is case-insensitive.
            if parts.count == 2, parts[0].lowercased() == "bearer" {
                let token = parts[1].drop { $0 == " " }
                if !token.isEmpty { return token }
            }
        }
        return nil
    }

    /// Whether the client asked for a token without carrying one yet.
    func isRequested(in fields: HTTPFields) -> Bool {
        fields[responseHeader] != nil
    }
}
#endif
