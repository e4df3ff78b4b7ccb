/// Why ``SessionRevocationList`` could not tell whether a session was revoked.
public enum SessionRevocationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The store failed, or did not answer within the list's timeout, and the list's policy is
    /// ``SessionRevocationList/StoreFailurePolicy/refuse``. The middlewares treat the request as
    /// having no session but leave its cookie alone, so the user is back once the store is.
    case storeUnavailable
    /// The store did not answer a lookup within the list's timeout; reported through
    /// ``SessionRevocationList/StoreEvent/failing(_:)``.
    case timedOut(after: Duration)
    /// A ``SessionRevocationList`` setting is out of range: `setting` names it as the
    /// initializer spells it, `allowed` says what it may be.
    case invalidConfiguration(setting: String, allowed: String)

    /// A description for logs.
    public var description: String {
        switch self {
        case .storeUnavailable: "the revocation store is unavailable; session refused"
        case .timedOut(let timeout): "the revocation store did not answer within \(timeout)"
        case .invalidConfiguration(let setting, let allowed):
            "invalid revocation list configuration: \(setting) must be \(allowed)"
        }
    }
}
