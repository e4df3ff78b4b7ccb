package import Foundation

/// One `Set-Cookie` header value: a name, a value and the attributes of RFC 6265bis, checked
/// when made and serialized exactly.
///
/// Make one with ``validated(name:value:domain:path:expires:maxAge:secure:httpOnly:sameSite:partitioned:)``,
/// which refuses anything a browser would drop or mangle, and write ``headerValue`` into a
/// `Set-Cookie` header (append one header per cookie; never join them with commas).
///
/// ```swift
/// let cookie = try SetCookie.validated(name: "__Secure-session", value: sealed, domain: "example.com", maxAge: 3600)
/// cookie.headerValue
/// // __Secure-session=…; Domain=example.com; Path=/; Max-Age=3600; Secure; HttpOnly; SameSite=Lax
/// ```
///
/// Attributes are written in this fixed order: `Domain`, `Path`, `Expires`, `Max-Age`,
/// `Secure`, `HttpOnly`, `SameSite`, `Partitioned`. `Expires` is an IMF-fixdate in GMT.
package struct SetCookie: Sendable, Equatable, CustomStringConvertible {
    /// The most bytes RFC 6265bis lets an attribute value have; browsers ignore longer ones.
    package static let maxAttributeValueByteCount = 1024

    /// The cookie's name, an RFC 9110 token.
    package let name: String
    /// The cookie's value, RFC 6265 cookie-octets only (possibly empty).
    package let value: String
    /// The `Domain` attribute (lowercase, no leading dot), or nil for a host-only cookie.
    package let domain: String?
    /// The `Path` attribute, or nil to let the browser use the request's directory.
    package let path: String?
    /// The `Expires` attribute, whole seconds.
    package let expires: Date?
    /// The `Max-Age` attribute in seconds; 0 deletes the cookie.
    package let maxAge: Int?
    /// The `Secure` attribute: only sent over HTTPS.
    package let isSecure: Bool
    /// The `HttpOnly` attribute: hidden from scripts.
    package let isHTTPOnly: Bool
    /// The `SameSite` attribute, or nil to leave it out.
    package let sameSite: SameSite?
    /// The `Partitioned` attribute (CHIPS): stored per top-level site.
    package let isPartitioned: Bool

    /// The header value, as sent after `Set-Cookie: `.
    package let headerValue: String
    /// `Expires` as written, kept so that renaming the cookie does not format it again.
    private let expiresText: String?
    /// Everything after the value (`; Domain=…; Path=…; …`), written once.
    private let attributeText: String

    package var description: String { headerValue }

    /// Makes a cookie, checking every rule browsers enforce; the defaults are the secure ones
    /// (`Path=/`, `Secure`, `HttpOnly`, `SameSite=Lax`).
    ///
    /// - Parameters:
    ///   - name: A token; the `__Secure-` and `__Host-` prefixes (any letter case) add their
    ///     rules.
    ///   - value: Cookie-octets only; base64url text always qualifies.
    ///   - domain: A domain name (a leading dot is dropped, letters are lowercased), or nil for
    ///     host-only. This checks syntax only: use ``CookieScope`` to refuse public suffixes.
    ///   - path: Starts with `/`; at most 1024 bytes.
    ///   - expires: Written as an IMF-fixdate; fractions of a second are dropped.
    ///   - maxAge: Seconds, 0 or more.
    ///   - secure: `Secure`.
    ///   - httpOnly: `HttpOnly`.
    ///   - sameSite: `SameSite`, or nil to leave it out.
    ///   - partitioned: `Partitioned`.
    /// - Throws: ``CookieAttributeError`` naming the first rule broken.
    package static func validated(
        name: String,
        value: String,
        domain: String? = nil,
        path: String? = "/",
        expires: Date? = nil,
        maxAge: Int? = nil,
        secure: Bool = true,
        httpOnly: Bool = true,
        sameSite: SameSite? = .lax,
        partitioned: Bool = false
    ) throws(CookieAttributeError) -> SetCookie {
        // Name and value.
        try checkName(name)
        try checkValue(value)

        // Attribute values.
        var normalisedDomain: String?
        if let domain {
            guard domain.utf8.count <= maxAttributeValueByteCount else {
                throw .attributeTooLong(
                    attribute: "Domain", length: domain.utf8.count, limit: maxAttributeValueByteCount)
            }
            do {
                normalisedDomain = try DomainName(domain, allowingLeadingDot: true).text
            } catch {
                throw .invalidDomain(error)
            }
        }
        if let path {
            guard path.utf8.count <= maxAttributeValueByteCount else {
                throw .attributeTooLong(attribute: "Path", length: path.utf8.count, limit: maxAttributeValueByteCount)
            }
            guard path.utf8.first == UInt8(ascii: "/") else { throw .pathNotAbsolute }
            if let bad = CookieGrammar.firstInvalid(in: path.utf8, where: CookieGrammar.isPathOctet) {
                throw .invalidPathCharacter(CookieGrammar.describe(bad.byte), offset: bad.offset)
            }
        }
        let expiresText = try formatExpires(expires)
        try checkMaxAge(maxAge)

        // Rules that tie attributes together (RFC 6265bis sections 4.1.2.7, 4.1.3; CHIPS).
        if sameSite == SameSite.none, !secure { throw .sameSiteNoneRequiresSecure }
        if partitioned, !secure { throw .partitionedRequiresSecure }
        try checkPrefixRules(name: name, secure: secure, domain: normalisedDomain, path: path)

        return SetCookie(
            name: name, value: value, domain: normalisedDomain, path: path, expires: expires, expiresText: expiresText,
            maxAge: maxAge, isSecure: secure, isHTTPOnly: httpOnly, sameSite: sameSite, isPartitioned: partitioned)
    }

    /// Assembles the cookie, writing the attributes in their fixed order once.
    private init(
        name: String, value: String, domain: String?, path: String?, expires: Date?, expiresText: String?,
        maxAge: Int?, isSecure: Bool, isHTTPOnly: Bool, sameSite: SameSite?, isPartitioned: Bool
    ) {
        var attributes = ""
        // One allocation: the attributes below are at most this long but for Domain and Path.
        attributes.reserveCapacity(96 + (domain?.utf8.count ?? 0) + (path?.utf8.count ?? 0))
        if let domain { attributes += "; Domain=" + domain }
        if let path { attributes += "; Path=" + path }
        if let expiresText { attributes += "; Expires=" + expiresText }
        if let maxAge { attributes += "; Max-Age=" + String(maxAge) }
        if isSecure { attributes += "; Secure" }
        if isHTTPOnly { attributes += "; HttpOnly" }
        if let sameSite { attributes += "; SameSite=" + sameSite.rawValue }
        if isPartitioned { attributes += "; Partitioned" }
        self.init(
            name: name, value: value, domain: domain, path: path,
            expires: expires.map { Date(timeIntervalSince1970: $0.timeIntervalSince1970.rounded(.down)) },
            expiresText: expiresText, maxAge: maxAge, isSecure: isSecure, isHTTPOnly: isHTTPOnly, sameSite: sameSite,
            isPartitioned: isPartitioned, attributeText: attributes)
    }

    private init(
        name: String, value: String, domain: String?, path: String?, expires: Date?, expiresText: String?,
        maxAge: Int?, isSecure: Bool, isHTTPOnly: Bool, sameSite: SameSite?, isPartitioned: Bool,
        attributeText: String
    ) {
        self.name = name
        self.value = value
        self.domain = domain
        self.path = path
        self.expires = expires
        self.expiresText = expiresText
        self.maxAge = maxAge
        self.isSecure = isSecure
        self.isHTTPOnly = isHTTPOnly
        self.sameSite = sameSite
        self.isPartitioned = isPartitioned
        self.attributeText = attributeText
        var headerValue = ""
        headerValue.reserveCapacity(name.utf8.count + 1 + value.utf8.count + attributeText.utf8.count)
        headerValue += name
        headerValue += "="
        headerValue += value
        headerValue += attributeText
        self.headerValue = headerValue
    }

    /// The same cookie with another name and a sealed value (the codec's base64url, or a chunk
    /// of it behind its `N~` marker). The attributes stay valid and are not checked again; the
    /// name's characters and prefix rules are. The value is cookie-octets by construction, so its
    /// characters are checked in debug builds only: a scan of every byte, on every response that
    /// sets a cookie, would find nothing (`SealedValueOctetTests` holds the construction to it).
    package func with(name: String, sealedValue value: String) throws(CookieAttributeError) -> SetCookie {
        try Self.checkName(name)
        assert((try? Self.checkValue(value)) != nil, "a sealed value holds a byte that is not a cookie-octet")
        try Self.checkPrefixRules(name: name, secure: isSecure, domain: domain, path: path)
        return SetCookie(
            name: name, value: value, domain: domain, path: path, expires: expires, expiresText: expiresText,
            maxAge: maxAge, isSecure: isSecure, isHTTPOnly: isHTTPOnly, sameSite: sameSite,
            isPartitioned: isPartitioned, attributeText: attributeText)
    }

    /// The same cookie with other `Expires` and `Max-Age` attributes, checked as
    /// ``validated(name:value:domain:path:expires:maxAge:secure:httpOnly:sameSite:partitioned:)``
    /// checks them.
    func with(expires: Date?, maxAge: Int?) throws(CookieAttributeError) -> SetCookie {
        let expiresText = try Self.formatExpires(expires)
        try Self.checkMaxAge(maxAge)
        return SetCookie(
            name: name, value: value, domain: domain, path: path, expires: expires, expiresText: expiresText,
            maxAge: maxAge, isSecure: isSecure, isHTTPOnly: isHTTPOnly, sameSite: sameSite,
            isPartitioned: isPartitioned)
    }

    /// A cookie that deletes this one: empty value, `Max-Age=0`, no `Expires`, and the same
    /// Domain, Path and other attributes, which the browser needs to find the cookie to remove.
    package var deletion: SetCookie {
        SetCookie(
            name: name, value: "", domain: domain, path: path, expires: nil, expiresText: nil, maxAge: 0,
            isSecure: isSecure, isHTTPOnly: isHTTPOnly, sameSite: sameSite, isPartitioned: isPartitioned)
    }

    private static func checkName(_ name: String) throws(CookieAttributeError) {
        guard !name.isEmpty else { throw .emptyName }
        if let bad = CookieGrammar.firstInvalid(in: name.utf8, where: CookieGrammar.isTokenByte) {
            throw .invalidNameCharacter(CookieGrammar.describe(bad.byte), offset: bad.offset)
        }
    }

    private static func checkValue(_ value: String) throws(CookieAttributeError) {
        if let bad = CookieGrammar.firstInvalid(in: value.utf8, where: CookieGrammar.isCookieOctet) {
            throw .invalidValueCharacter(CookieGrammar.describe(bad.byte), offset: bad.offset)
        }
    }

    private static func formatExpires(_ expires: Date?) throws(CookieAttributeError) -> String? {
        guard let expires else { return nil }
        guard let text = HTTPDate.format(expires) else { throw .expiresOutOfRange }
        return text
    }

    private static func checkMaxAge(_ maxAge: Int?) throws(CookieAttributeError) {
        if let maxAge, maxAge < 0 { throw .negativeMaxAge(maxAge) }
    }

    /// The rules the `__Secure-` and `__Host-` name prefixes add.
    private static func checkPrefixRules(
        name: String, secure: Bool, domain: String?, path: String?
    ) throws(CookieAttributeError) {
        if hasPrefix(name, "__Secure-"), !secure { throw .securePrefixRequiresSecure }
        if hasPrefix(name, "__Host-") {
            guard secure else { throw .hostPrefixRequiresSecure }
            guard domain == nil else { throw .hostPrefixForbidsDomain }
            guard path == "/" else { throw .hostPrefixRequiresRootPath }
        }
    }

    /// Bytes of the name plus the value (the `=` not counted), what browsers limit to 4096.
    package var nameValueByteCount: Int { name.utf8.count + value.utf8.count }

    /// Case-insensitive prefix test, as browsers match cookie prefixes.
    private static func hasPrefix(_ name: String, _ prefix: String) -> Bool {
        name.utf8.count >= prefix.utf8.count
            && zip(name.utf8, prefix.utf8).allSatisfy { ($0 | 0x20) == ($1 | 0x20) || $0 == $1 }
    }
}
