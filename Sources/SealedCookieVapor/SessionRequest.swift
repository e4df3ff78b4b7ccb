#if Vapor
import SealedCookie
import Vapor

/// What the middleware reads from a request, once: whether it is a token request, its parsed
/// `Cookie` fields (also needed afterwards, to find the chunks a write must delete), its host,
/// and the session it carries.
struct SessionRequest<Session: Codable & Sendable>: Sendable {
    let isTokenRequest: Bool
    let requestCookies: Result<CookieHeader, CookieHeaderError>
    /// The `Host` field, possibly with a port; empty when missing.
    let host: String
    let incoming: IncomingSession<Session>

    init(_ request: Request, configuration: SealedSessionConfiguration<Session>) {
        let (isTokenRequest, token) = configuration.tokenMode?.tokenRequest(in: request.headers) ?? (false, nil)
        self.isTokenRequest = isTokenRequest
        requestCookies = configuration.cookies.parseCookieHeaders(isTokenRequest ? [] : request.headers[.cookie])
        host = request.headers.first(name: .host) ?? ""
        incoming =
            token.map { IncomingSession(token: $0, codec: configuration.tokenCodec) }
            ?? IncomingSession(requestCookies: requestCookies, cookies: configuration.cookies)
    }
}
#endif
