/// The one write a response makes about the session, decided by ``SessionRequestFlow`` after
/// the handler. Every write but ``none`` carries a session (or its end), so the response must
/// not be stored by a shared cache: see ``cacheControl(replacing:)``.
package enum SessionWrite: Equatable, Sendable {
    /// Nothing: the client's cookie (or token) is still right, or must stay as sent.
    case none
    /// `Set-Cookie` values for the sealed session and the stale chunks it replaces, each its
    /// own field.
    case setCookies([String])
    /// A sealed token, in the token mode's `field`.
    case token(field: String, value: String)
    /// `Set-Cookie` values that delete every chunk of the session cookie, each its own field.
    case deleteCookies([String])

    /// The `Cache-Control` value to put in place of the handler's `values`: `no-store` for a
    /// response that carries a session, so that no shared cache hands one user's session to the
    /// next; nil to keep the handler's, when there is no write or it already says `no-store`.
    package func cacheControl(replacing values: [String]) -> String? {
        if case .none = self { return nil }
        guard !values.contains(where: { $0.lowercased().contains("no-store") }) else { return nil }
        return "no-store"
    }
}

/// A session the application cannot store (over the cookie budget, or it does not serialize):
/// the middleware answers 500 rather than drop the cookie. The reason is logged at error level
/// by ``SessionRequestFlow``, never sent to the client.
package struct SessionStoreFailure: Error {
    package let reason: String
}
