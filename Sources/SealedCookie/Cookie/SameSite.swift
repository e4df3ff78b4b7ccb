/// The `SameSite` attribute (RFC 6265bis section 4.1.2.7): when the browser sends the cookie
/// with requests started by other sites.
///
/// "Same site" compares registrable domains, so `a.example.com` and `b.example.com` are the
/// same site and ``lax`` and ``strict`` cookies flow between them.
public enum SameSite: String, Sendable, Equatable, CaseIterable {
    /// Only on requests started by the same site.
    case strict = "Strict"
    /// Also on top-level navigations from other sites (following a link); the default for a
    /// session cookie, and what browsers assume when the attribute is missing.
    case lax = "Lax"
    /// On every request, including cross-site subresources and iframes; needs `Secure`.
    case none = "None"
}
