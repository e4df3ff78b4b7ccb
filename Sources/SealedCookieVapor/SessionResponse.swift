#if Vapor
import Foundation
import Logging
import SealedCookie
import Vapor

/// Writes the middleware's decision about the session into the response: `Set-Cookie` fields,
/// a token, or nothing.
struct SessionResponse<Session: Codable & Sendable> {
    let configuration: SealedSessionConfiguration<Session>
    let request: SessionRequest<Session>
    let logger: Logger

    func apply(_ outcome: SessionOutcome<Session>, to response: Response) throws {
        switch outcome {
        case .unchanged:
            return
        case .seal(let session, let serialized, let lifetime, let startedAt, let reason):
            logger.trace("Sealing session", metadata: ["sealed_cookie.reason": "\(reason.rawValue)"])
            if let tokenMode = configuration.tokenMode, request.isTokenRequest {
                let token = try storing {
                    // Serialized again by the token codec, which seals under its own purpose.
                    try configuration.tokenCodec.seal(session, lifetime: lifetime, sessionStartedAt: startedAt)
                }
                response.headers.replaceOrAdd(name: tokenMode.responseHeader, value: token)
                forbidStoring(response)
            } else {
                add(
                    try setCookieValues(session, serialized: serialized, lifetime: lifetime, startedAt: startedAt),
                    to: response)
            }
        case .clear:
            if !request.isTokenRequest {
                add(configuration.cookies.deletionHeaders(requestCookies: request.requestCookies), to: response)
            }
        }
    }

    private func setCookieValues(
        _ session: Session, serialized: SerializedSession?, lifetime: Duration, startedAt: Date?
    ) throws -> [String] {
        let host = CookieScope.hostName(fromHostHeader: request.host)
        do {
            try configuration.cookies.configuration.scope.check(host: host)
        } catch {
            // The Host header is the client's to choose, and the browser would ignore the cookie.
            logger.debug(
                "Session cookie not set: the request's Host is outside the cookie scope",
                metadata: ["sealed_cookie.reason": "\(error)"])
            return []
        }
        return try storing {
            try configuration.cookies.setCookieHeaders(
                for: session, serialized: serialized?.bytes, lifetime: lifetime, sessionStartedAt: startedAt,
                requestHost: host, requestCookies: request.requestCookies)
        }
    }

    private func add(_ setCookieValues: [String], to response: Response) {
        guard !setCookieValues.isEmpty else { return }
        for value in setCookieValues {
            response.headers.add(name: .setCookie, value: value)
        }
        forbidStoring(response)
    }

    /// Keeps shared caches from handing one user's session to the next, unless the handler
    /// already said `no-store`.
    private func forbidStoring(_ response: Response) {
        guard !response.headers[.cacheControl].contains(where: { $0.lowercased().contains("no-store") }) else { return }
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
    }

    /// Runs `store`; a failure is the application's (the session does not fit): logged at
    /// error level and answered with a 500, never a dropped cookie.
    private func storing<T>(_ store: () throws -> T) throws -> T {
        do {
            return try store()
        } catch {
            logger.error("Session not stored, answering 500: \(error)")
            throw Abort(.internalServerError, reason: "The session could not be stored.")
        }
    }
}
#endif
