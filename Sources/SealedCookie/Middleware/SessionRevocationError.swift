/// Why ``SessionRevocationList`` could not tell whether a session was revoked.
public enum SessionRevocationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The store failed, or did not answer within the list's timeout, and the list's policy is
    /// ``SessionRevocationList/StoreFailurePolicy/refuse``. The middlewares treat the request as
    /// having no session but leave its cookie alone, so the user is back once the store is.
    case storeUnavailable

    /// A description for logs.
    public var description: String {
        switch self {
        case .storeUnavailable: "the revocation store is unavailable; session refused"
        }
    }
}
