/// Why ``SessionRevocationList`` could not tell whether a session was revoked.
public enum SessionRevocationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The store failed, or did not answer within the list's timeout, and the list's policy is
    /// ``SessionRevocationList/StoreFailurePolicy/refuse``. The middlewares treat the request as
    /// having no session but leave its cookie alone, so the user is back once the store is.
    case storeUnavailable
    /// The store did not answer a lookup within the list's timeout; reported through
    /// ``SessionRevocationList/StoreEvent/failing(_:)``.
    case timedOut(after: Duration)
    /// ``SessionRevocationList/revokeSessions(of:)`` was given a subject with a NUL character,
    /// which PostgreSQL cannot store, so it could never be revoked there; nothing was revoked.
    /// The list treats the sessions of such a subject as revoked.
    case unrevocableSubject
    /// A ``SessionRevocationList`` setting is out of range: `setting` names it as the
    /// initializer spells it, `allowed` says what it may be.
    case invalidConfiguration(setting: String, allowed: String)

    /// A description for logs.
    public var description: String {
        switch self {
        case .storeUnavailable: "the revocation store is unavailable; session refused"
        case .timedOut(let timeout): "the revocation store did not answer within \(timeout)"
        case .unrevocableSubject: "a revocation subject with a NUL character cannot be stored, so it cannot be revoked"
        case .invalidConfiguration(let setting, let allowed):
            "invalid revocation list configuration: \(setting) must be \(allowed)"
        }
    }
}
