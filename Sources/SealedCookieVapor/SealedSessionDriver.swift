import Foundation
public import SealedCookie
public import Vapor

/// A Vapor `SessionDriver` that keeps `req.session.data` in the session cookie itself, sealed,
/// for applications already written against Vapor's sessions: switching from `.memory`, Fluent
/// or Redis is one line, and no node needs a store.
///
/// ```swift
/// let codec = try SessionCodec<SessionData>(configuration: .init(
///     cookieName: "vapor-session", keyRing: try KeyRing(environmentVariable: "SESSION_KEYS")))
/// app.sessions.use(.sealed(codec))                  // was: app.sessions.use(.memory)
/// app.middleware.use(app.sessions.middleware)
/// ```
///
/// The "session ID" Vapor puts in its cookie is the sealed session. The limits come from
/// Vapor's `SessionsMiddleware`, which this driver cannot change:
/// - The data is `[String: String]`, in one cookie: no chunking, and a session whose sealed
///   value does not fit one cookie fails the request with a 500 (logged at error level) rather
///   than be dropped by the browser.
/// - Vapor calls the driver on every response of a request with a session, so the cookie is
///   re-sealed and sent every time (sliding expiry on every request, and a `Set-Cookie` on
///   every response).
/// - The cookie's attributes are Vapor's `SessionsConfiguration` (name it like the codec's
///   cookie), and logout sends Vapor's `.expired`, which carries no Domain: a cookie set with a
///   Domain is never deleted (vapor issue 2095). Use host-only cookies with this driver.
/// - A sealed value stays valid until it expires: destroying the session deletes the cookie but
///   not copies of it. No revocation check, no token mode, no key-rotation re-seal short of the
///   every-response one.
///
/// ``SealedSessionMiddleware`` has none of these limits. To move to it, keep the cookie name and
/// key ring, define a `Codable` session type with the fields the dictionary held, and replace
/// `req.session.data["userID"]` with `req.sealedSession(as: UserSession.self).data?.userID`;
/// old cookies do not open as the new type and read as "no session" (users log in again).
public struct SealedSessionDriver: SessionDriver {
    /// Seals and opens the session data.
    public let codec: SessionCodec<SessionData>
    /// The longest sealed value that fits one cookie next to its name.
    private let maxValueByteCount: Int

    /// Makes the driver.
    /// - Parameter codec: The codec; its cookie name should be Vapor's session cookie name.
    public init(codec: SessionCodec<SessionData>) {
        self.codec = codec
        self.maxValueByteCount = CookieBudget().maxNameValueByteCount - codec.configuration.cookieName.utf8.count
    }

    /// Seals a new session.
    public func createSession(_ data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        request.eventLoop.makeCompletedFuture { try seal(data, startedAt: nil, logger: request.logger) }
    }

    /// Opens the cookie value; nil, with the reason at debug level, when it does not open.
    public func readSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<SessionData?> {
        do {
            let opened = try codec.open(sessionID.string)
            request.storage[SessionStartKey.self] = opened.header.sessionStartedAt
            return request.eventLoop.makeSucceededFuture(opened.session)
        } catch {
            request.logger.debug(
                "Sealed session rejected; continuing without a session", metadata: ["sealed_cookie.reason": "\(error)"])
            return request.eventLoop.makeSucceededFuture(nil)
        }
    }

    /// Seals the session again, keeping when it began for the codec's maximum session age.
    public func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) -> EventLoopFuture<
        SessionID
    > {
        request.eventLoop.makeCompletedFuture {
            try seal(data, startedAt: request.storage[SessionStartKey.self], logger: request.logger)
        }
    }

    /// Nothing to delete: the session lives in the cookie, which Vapor expires.
    public func deleteSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<Void> {
        request.eventLoop.makeSucceededVoidFuture()
    }

    private func seal(_ data: SessionData, startedAt: Date?, logger: Logger) throws -> SessionID {
        do {
            let sealed = try codec.seal(data, sessionStartedAt: startedAt)
            guard sealed.utf8.count <= maxValueByteCount else {
                throw SessionDriverError.tooLarge(sealedLength: sealed.utf8.count, capacity: maxValueByteCount)
            }
            return SessionID(string: sealed)
        } catch {
            logger.error("Session not stored, answering 500: \(error)")
            throw Abort(.internalServerError, reason: "The session could not be stored.")
        }
    }
}

/// Why ``SealedSessionDriver`` could not store a session.
enum SessionDriverError: Error, CustomStringConvertible {
    case tooLarge(sealedLength: Int, capacity: Int)

    var description: String {
        switch self {
        case .tooLarge(let length, let capacity):
            "the sealed session is \(length) bytes; one cookie holds \(capacity) (the driver cannot chunk)"
        }
    }
}

/// When the session the request carried began, from its envelope.
private struct SessionStartKey: StorageKey {
    typealias Value = Date
}

extension Application.Sessions.Provider {
    /// Vapor's sessions kept in the cookie, sealed by `codec`: see ``SealedSessionDriver``.
    public static func sealed(_ codec: SessionCodec<SessionData>) -> Self {
        .init { $0.sessions.use { _ in SealedSessionDriver(codec: codec) } }
    }
}
