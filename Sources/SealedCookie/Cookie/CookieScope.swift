/// Which hosts receive the session cookie: every host under a root domain (the cookie carries
/// `Domain=<root>`), or only the host that set it (no Domain attribute).
///
/// ```swift
/// let scope = try CookieScope.rootDomain("Example.com")   // Domain=example.com
/// scope.contains(host: "a.example.com")                  // true
/// scope.contains(host: "example.org")                    // false
/// ```
///
/// A root domain is checked when the scope is made: it must be a lowercase-able ASCII domain
/// name (IDNA A-labels for internationalised names), not an IP address, and not a public suffix
/// according to the Public Suffix List (ICANN and private sections), since browsers refuse
/// cookies scoped to `com`, `co.uk` or `github.io`.
///
/// Any subdomain of the root can also set and overwrite cookies for the root domain ("cookie
/// tossing"); the sealed value cannot be forged, but a sibling host can plant a second cookie
/// with the same name, which is why the session reader keeps duplicate cookies and tries each.
public struct CookieScope: Sendable, Equatable {
    /// The root domain, normalised (lowercase, no leading dot), or nil for host-only.
    public let rootDomain: String?
    /// The root domain as checked when the scope was made, so that a host check parses only the
    /// host.
    private let root: DomainName?

    private init(root: DomainName?) {
        self.rootDomain = root?.text
        self.root = root
    }

    /// Host-only: no Domain attribute, so the cookie goes back only to the exact host that set
    /// it. For deployments on a single host; every request host is in scope.
    public static let hostOnly = CookieScope(root: nil)

    /// Scopes cookies to `domain` and all its subdomains.
    ///
    /// The domain is checked against the Public Suffix List snapshot compiled into the package
    /// (`scripts/update-public-suffix-list` refreshes it).
    /// - Parameter domain: The root domain, e.g. `example.com`; a leading dot is dropped and
    ///   letters are lowercased.
    /// - Throws: ``SessionCookieError/invalidRootDomain(_:reason:)`` for empty labels, non-ASCII
    ///   text, invalid A-labels or IP addresses;
    ///   ``SessionCookieError/rootDomainIsPublicSuffix(_:)`` for a public suffix.
    public static func rootDomain(_ domain: String) throws(SessionCookieError) -> CookieScope {
        let list: PublicSuffixList
        do {
            list = try PublicSuffixList.bundled
        } catch {
            throw .invalidConfiguration(
                setting: "publicSuffixList", allowed: "loadable (the bundled snapshot failed: \(error))")
        }
        return try rootDomain(domain, publicSuffixList: list)
    }

    /// ``rootDomain(_:)`` checked against another list (tests, the fuzzer and the tool).
    package static func rootDomain(
        _ domain: String, publicSuffixList list: PublicSuffixList
    ) throws(SessionCookieError) -> CookieScope {
        let name: DomainName
        do {
            name = try DomainName(domain, allowingLeadingDot: true)
        } catch {
            throw .invalidRootDomain(domain, reason: error)
        }
        guard list.match(name).registrableDomain != nil else { throw .rootDomainIsPublicSuffix(name.text) }
        return CookieScope(root: name)
    }

    /// The value of the Domain attribute: the root domain, or nil for host-only.
    package var domainAttribute: String? { rootDomain }

    /// Whether a browser on `host` would store and send a cookie of this scope: the RFC 6265
    /// section 5.1.3 domain-match of the host against the root domain (always true for
    /// host-only).
    ///
    /// `host` is the request's host name, without a port (see ``hostName(fromHostHeader:)``);
    /// letters may be in any case. IP addresses and malformed names never match a root domain.
    public func contains(host: String) -> Bool {
        guard let root else { return true }
        // Checked on every response that sets a cookie: the usual host is decided in place,
        // without the allocations of a `DomainName`.
        if Self.isPlainName(host, equalToOrUnder: root.text) { return true }
        guard let name = try? DomainName(host, allowingLeadingDot: false) else { return false }
        return name.isEqualOrSubdomain(of: root)
    }

    /// Whether `host` is `root`, or lowercase labels of letters, digits, `-` and `_` (no `xn--`,
    /// no hyphen at an edge, 1 to 63 bytes each, 253 in all) then `.` and `root`: names that
    /// `DomainName` takes unchanged and that domain-match `root`, a checked name. False decides
    /// nothing (an uppercase letter, say): the full check follows.
    private static func isPlainName(_ host: String, equalToOrUnder root: String) -> Bool {
        host.utf8.withContiguousStorageIfAvailable { name in
            root.utf8.withContiguousStorageIfAvailable { root in
                guard name.count <= DomainName.maxByteCount, name.count >= root.count else { return false }
                guard name.count > root.count else { return name.elementsEqual(root) }
                let dot = name.count - root.count - 1
                guard dot > 0, name[dot] == UInt8(ascii: "."), name[(dot + 1)...].elementsEqual(root) else {
                    return false
                }
                return name[..<dot].split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).allSatisfy(
                    isPlainLabel)
            } ?? false
        } ?? false
    }

    private static func isPlainLabel(_ label: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard (1...DomainName.maxLabelByteCount).contains(label.count), label.first != UInt8(ascii: "-"),
            label.last != UInt8(ascii: "-"), !label.starts(with: "xn--".utf8)
        else { return false }
        return label.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"),
                UInt8(ascii: "_"):
                true
            default: false
            }
        }
    }

    /// Checks that `host` is in scope.
    /// - Throws: ``SessionCookieError/hostOutsideScope(host:rootDomain:)``.
    package func check(host: String) throws(SessionCookieError) {
        guard let rootDomain, !contains(host: host) else { return }
        throw .hostOutsideScope(
            host: String(decoding: host.utf8.prefix(DomainName.maxByteCount), as: UTF8.self), rootDomain: rootDomain)
    }

    /// The host name of an HTTP `Host` header or `:authority` (`a.example.com:8443` ->
    /// `a.example.com`, `[::1]:80` -> `[::1]`), without any other change.
    public static func hostName(fromHostHeader value: String) -> String {
        let bytes = value.utf8
        if bytes.first == UInt8(ascii: "[") {
            guard let close = bytes.firstIndex(of: UInt8(ascii: "]")) else { return value }
            return String(value[...close])
        }
        guard let colon = bytes.lastIndex(of: UInt8(ascii: ":")) else { return value }
        return String(value[..<colon])
    }
}
