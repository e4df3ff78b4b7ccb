/// The store did not answer a lookup within ``SessionRevocationList``'s timeout; reported
/// through ``SessionRevocationList/StoreEvent/failing(_:)``.
public struct SessionRevocationTimeout: Error, Sendable, Equatable, CustomStringConvertible {
    /// The timeout that passed.
    public let timeout: Duration

    /// A description for logs.
    public var description: String { "the revocation store did not answer within \(timeout)" }
}
