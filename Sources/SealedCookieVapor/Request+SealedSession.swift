#if Vapor
public import Vapor

extension Request {
    /// The typed session that ``SealedSessionMiddleware`` opened for this request.
    ///
    /// - Parameter type: The session type the middleware was made for.
    /// - Throws: `Abort(.internalServerError)` when no `SealedSessionMiddleware<Session>` runs
    ///   for this route: a setup mistake, never caused by the request.
    public func sealedSession<Session: Codable & Sendable>(as type: Session.Type = Session.self) throws
        -> SealedSession<Session>
    {
        guard let session = storage[SealedSessionKey<Session>.self] else {
            logger.error("No SealedSessionMiddleware<\(Session.self)> runs for this route")
            throw Abort(.internalServerError, reason: "The session is not available.")
        }
        return session
    }
}

/// Where the middleware keeps the request's ``SealedSession``, one key per session type.
struct SealedSessionKey<Session: Codable & Sendable>: StorageKey {
    typealias Value = SealedSession<Session>
}
#endif
