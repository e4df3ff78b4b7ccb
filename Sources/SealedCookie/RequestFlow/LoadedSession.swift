package import Foundation

/// A session the middleware opened from the request, with what it needs to decide afterwards
/// whether the response must carry a new cookie.
package struct LoadedSession<Session: Sendable>: Sendable {
    /// The session as the request carried it.
    package var session: Session
    /// The digest of its serialized bytes, to tell whether the handler changed it; nil when
    /// `==` tells (see ``SessionComparison``) or when it did not serialize.
    package var digest: SessionDigest?
    /// The lifetime it was sealed with, in the envelope's whole minutes: the unit the flow
    /// compares and seals in.
    package var lifetimeMinutes: UInt32
    /// When it was sealed.
    package var issuedAt: Date
    /// When its session began (the login), carried into every new seal of it: the maximum
    /// session age and revocation count from it.
    package var startedAt: Date
    /// Whether it should be sealed again (older key or dictionary, older wire format).
    package var needsResealing: Bool

    package init(_ opened: OpenedSession<Session>, digest: SessionDigest?) {
        self.session = opened.session
        self.digest = digest
        self.lifetimeMinutes = opened.header.lifetimeMinutes
        self.issuedAt = opened.header.issuedAt
        self.startedAt = opened.header.sessionStartedAt
        self.needsResealing = opened.needsResealing
    }

    /// The lifetime handed to the handler as `expiresIn`, the frameworks' unit; what the handler
    /// leaves there comes back through `SessionOutcome.lifetimeMinutes(of:)`.
    package var lifetime: Duration { .seconds(Int64(lifetimeMinutes) * 60) }

    /// Whether more than `fraction` of the lifetime has passed at `now`.
    package func isDueForRenewal(fraction: Double, now: Date) -> Bool {
        now.timeIntervalSince(issuedAt) > fraction * Double(lifetimeMinutes) * 60
    }
}
