/// Why a ``CookieScope`` could not be made, or a request host is outside it.
public enum CookieScopeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The root domain is not a valid ASCII domain name.
    case invalidRootDomain(DomainNameError)
    /// The root domain is a public suffix, where browsers refuse cookies; `section` says which
    /// part of the Public Suffix List lists it.
    case publicSuffix(domain: String, section: PublicSuffixList.Section?)
    /// The Public Suffix List could not be loaded.
    case publicSuffixListUnavailable(PublicSuffixListError)
    /// The request host is not the root domain or one of its subdomains, so a browser would
    /// silently ignore the cookie. `host` is cut to 253 bytes.
    case hostOutsideScope(host: String, rootDomain: String)

    public var description: String {
        switch self {
        case .invalidRootDomain(let reason):
            "invalid root domain for the cookie scope: \(reason)"
        case .publicSuffix(let domain, let section):
            "'\(domain)' is a public suffix\(section == .privateDomains ? " (private section of the Public Suffix List)" : section == .icann ? " (ICANN section of the Public Suffix List)" : " (a top-level domain)"); browsers refuse cookies scoped to it: use your own registrable domain, such as 'example.\(domain)'"
        case .publicSuffixListUnavailable(let reason):
            "the Public Suffix List is unavailable: \(reason)"
        case .hostOutsideScope(let host, let rootDomain):
            "the request host '\(host)' is not \(rootDomain) or a subdomain of it, so the browser would ignore the cookie; serve the site under \(rootDomain) or configure the scope for this host"
        }
    }
}
