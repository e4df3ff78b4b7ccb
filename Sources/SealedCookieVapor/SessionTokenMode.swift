#if Vapor
public import Vapor

/// Token mode: the same sealed session carried in `Authorization: Bearer <value>` instead of a
/// cookie, for API clients on another origin that cannot (or should not) use cookies.
///
/// A request is a *token request* when it carries `Authorization: Bearer …`, or when it carries
/// the ``responseHeader`` field itself (any value) to ask for a token, as a login request does.
/// For a token request the middleware opens the bearer value (cookies are ignored) and returns
/// every new or re-sealed value in ``responseHeader`` instead of `Set-Cookie`. Clearing the
/// session sends nothing: the client drops its token (revoke it with a
/// `SessionRevocationCheck` if copies must stop working).
///
/// Browsers only let another origin send `Authorization` and read the response header when CORS
/// allows it; put Vapor's `CORSMiddleware` in front of the session middleware:
///
/// ```swift
/// app.middleware.use(CORSMiddleware(configuration: .init(
///     allowedOrigin: .any(["https://app.example.org"]),
///     allowedMethods: [.GET, .POST, .PUT, .DELETE, .OPTIONS],
///     allowedHeaders: [.accept, .authorization, .contentType, .origin, "Session-Token"],
///     exposedHeaders: ["Session-Token"])))   // lets the client read the re-sealed token
/// app.middleware.use(SealedSessionMiddleware(configuration: configuration))
/// ```
///
/// A bearer token is not sent automatically by the browser, so token requests need no CSRF
/// protection; the price is that the token is readable by the client's JavaScript (no HttpOnly).
public struct SessionTokenMode: Sendable {
    /// The response field that carries a new or re-sealed token, and the request field a client
    /// sends to ask for one. Default `Session-Token`.
    public var responseHeader: HTTPHeaders.Name

    /// Turns token mode on.
    /// - Parameter responseHeader: The field that carries tokens back to the client.
    public init(responseHeader: HTTPHeaders.Name = "Session-Token") {
        self.responseHeader = responseHeader
    }

    /// Whether `headers` make a token request, and the bearer value if they carry one.
    func tokenRequest(in headers: HTTPHeaders) -> (isTokenRequest: Bool, token: String?) {
        // Vapor's parser: one `Authorization` field, scheme matched case-insensitively.
        let token = headers.bearerAuthorization.map(\.token).flatMap { $0.isEmpty ? nil : $0 }
        return (token != nil || headers.contains(name: responseHeader), token)
    }
}
#endif
