/// What a revocation check said about a session just opened.
package enum RevocationVerdict {
    /// Not revoked: hand it to the handler.
    case valid
    /// Revoked: the request has no session.
    case revoked
    /// The check failed: the request has no session, and its cookie must be left as it is.
    case unknown(any Error)

    /// The level to log an ``unknown(_:)`` verdict at: debug when ``SessionRevocationList``
    /// threw it (it reports the outage once itself), else a warning when `allowsWarning()`, which
    /// rate-limits it, says so.
    package static func logsAsWarning(_ error: any Error, allowsWarning: () -> Bool) -> Bool {
        !(error is SessionRevocationError) && allowsWarning()
    }
}
