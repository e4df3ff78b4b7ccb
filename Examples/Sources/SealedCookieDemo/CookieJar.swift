/// A small client-side cookie jar: enough of RFC 6265 section 5.3 to behave like a browser
/// towards one site (Domain and host-only matching, Path, Max-Age deletion).
struct CookieJar {
    struct StoredCookie: Equatable {
        var name: String
        var value: String
        /// The domain it applies to: the `Domain` attribute, or the setting host when host-only.
        var domain: String
        var isHostOnly: Bool
        var path: String
    }

    private(set) var cookies: [StoredCookie] = []

    /// Stores, replaces or deletes a cookie as the `Set-Cookie` value `line` from `host` says.
    /// Returns false when a browser would ignore the line.
    @discardableResult
    mutating func store(_ line: String, from host: String) -> Bool {
        let parts = line.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
        guard let pair = parts.first, let equals = pair.firstIndex(of: "="), equals > pair.startIndex else {
            return false
        }
        var cookie = StoredCookie(
            name: String(pair[..<equals]), value: String(pair[pair.index(after: equals)...]),
            domain: host.lowercased(), isHostOnly: true, path: "/")
        var isDeletion = false
        for attribute in parts.dropFirst() {
            let nameValue = attribute.split(separator: "=", maxSplits: 1).map { String($0) }
            let value = nameValue.count == 2 ? nameValue[1] : ""
            switch nameValue.first?.lowercased() {
            case "domain":
                let domain = value.lowercased().drop { $0 == "." }
                guard Self.domain(host.lowercased(), matches: String(domain)) else { return false }
                cookie.domain = String(domain)
                cookie.isHostOnly = false
            case "path" where value.hasPrefix("/"):
                cookie.path = value
            case "max-age":
                isDeletion = (Int(value) ?? 1) <= 0
            default:
                break
            }
        }
        cookies.removeAll { $0.name == cookie.name && $0.domain == cookie.domain && $0.path == cookie.path }
        if !isDeletion { cookies.append(cookie) }
        return true
    }

    /// The `Cookie` field a request to `host` and `path` carries, or nil when no cookie applies.
    func cookieField(host: String, path: String) -> String? {
        let host = host.lowercased()
        let applicable = cookies.filter { cookie in
            (cookie.isHostOnly ? host == cookie.domain : Self.domain(host, matches: cookie.domain))
                && path.hasPrefix(cookie.path)
        }
        return applicable.isEmpty ? nil : applicable.map { "\($0.name)=\($0.value)" }.joined(separator: "; ")
    }

    /// The value of the cookie named `name`, if the jar holds one.
    func value(named name: String) -> String? {
        cookies.first { $0.name == name }?.value
    }

    /// RFC 6265 section 5.1.3: `host` is `domain` or a subdomain of it.
    static func domain(_ host: String, matches domain: String) -> Bool {
        host == domain || host.hasSuffix("." + domain)
    }
}

extension Substring {
    /// The text without leading and trailing spaces.
    func trimmingSpaces() -> Substring {
        guard let first = firstIndex(where: { $0 != " " }), let last = lastIndex(where: { $0 != " " }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}
