#if Vapor
import SealedCookie

/// The typed session of one request, as ``SealedSessionMiddleware`` opened it from the cookie
/// (or bearer token); what the handler leaves in it is what the response stores.
///
/// Get it with `req.sealedSession(as:)`:
///
/// ```swift
/// app.post("login") { req async throws -> HTTPStatus in
///     try req.sealedSession(as: UserSession.self).data = UserSession(userID: "u1")
///     return .ok
/// }
/// app.get("me") { req async throws -> String in
///     guard let user = try req.sealedSession(as: UserSession.self).data else { throw Abort(.unauthorized) }
///     return user.userID
/// }
/// app.post("logout") { req async throws -> HTTPStatus in
///     try req.sealedSession(as: UserSession.self).clear()
///     return .ok
/// }
/// ```
///
/// Setting ``data`` creates or changes the session, setting it to nil (or ``clear()``) deletes
/// the cookie; reading it alone sends no cookie.
public final class SealedSession<Session: Codable & Sendable>: Sendable {
    private struct State {
        var data: Session?
        var expiresIn: Duration?
    }

    private let state: Locked<State>

    init(data: Session?, expiresIn: Duration?) {
        state = Locked(State(data: data, expiresIn: expiresIn))
    }

    /// The session, or nil when the request carried none (or it was cleared).
    public var data: Session? {
        get { state.withLock { $0.data } }
        set { state.withLock { $0.data = newValue } }
    }

    /// How long the stored session stays valid, or nil for the codec's lifetime. A session the
    /// request carried comes with the lifetime it was sealed with; changing it re-seals the
    /// session. Stored in whole minutes, rounded up.
    public var expiresIn: Duration? {
        get { state.withLock { $0.expiresIn } }
        set { state.withLock { $0.expiresIn = newValue } }
    }

    /// Creates or replaces the session, with a lifetime.
    /// - Parameters:
    ///   - session: The new session.
    ///   - expiresIn: How long it stays valid; nil for the codec's lifetime.
    public func set(_ session: Session, expiresIn: Duration? = nil) {
        state.withLock { $0 = State(data: session, expiresIn: expiresIn) }
    }

    /// Changes the session in place, atomically; does nothing when there is none.
    /// - Parameter body: The change.
    /// - Returns: What `body` returns, or nil when there is no session.
    @discardableResult
    public func update<Result>(_ body: (inout Session) throws -> Result) rethrows -> Result? {
        try state.withLock { state -> Result? in
            guard var session = state.data else { return nil }
            defer { state.data = session }
            return try body(&session)
        }
    }

    /// Ends the session: the response deletes every chunk of the cookie.
    public func clear() {
        state.withLock { $0 = State(data: nil, expiresIn: nil) }
    }

    /// The session and its lifetime, read together once after the handler.
    var current: (session: Session?, expiresIn: Duration?) {
        state.withLock { state in (state.data, state.expiresIn) }
    }
}
#endif
