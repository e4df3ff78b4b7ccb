/// Where the session cookie applies and which attributes it carries.
///
/// Every node of a cluster needs the same settings, so that any node can replace or delete the
/// cookie another node set.
public struct SessionCookieSettings: Sendable {
    /// The root domain every host of the cluster shares (for example `example.com`, sent as the
    /// `Domain` attribute), or nil for a host-only cookie.
    public var rootDomain: String?
    /// The `Path` attribute. Default `/`.
    public var path: String
    /// The `Secure` attribute. Default `true`; turn it off only for plain-HTTP development.
    public var isSecure: Bool
    /// The `SameSite` attribute value (`Lax`, `Strict` or `None`). Default `Lax`.
    public var sameSite: String

    /// Makes settings with the secure defaults: HttpOnly always, Secure, SameSite=Lax, Path=/.
    public init(rootDomain: String?, path: String = "/", isSecure: Bool = true, sameSite: String = "Lax") {
        self.rootDomain = rootDomain
        self.path = path
        self.isSecure = isSecure
        self.sameSite = sameSite
    }
}
