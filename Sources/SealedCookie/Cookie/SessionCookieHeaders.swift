/// The `Set-Cookie` values that store a session, with the sizes the request flow's metrics
/// record.
package struct SessionCookieHeaders: Sendable {
    /// The session's cookies, then the deletions of stale chunks, each its own field.
    package let values: [String]
    /// The bytes of the session's own `Set-Cookie` values (not the deletions), summed.
    package let sessionByteCount: Int
    /// How much of the budget the session uses, from 0 to 1: the larger of its sealed length
    /// over what the allowed cookies can carry, and its share of the request's `Cookie` line
    /// over the room the reserve leaves.
    package let budgetShare: Double
}
