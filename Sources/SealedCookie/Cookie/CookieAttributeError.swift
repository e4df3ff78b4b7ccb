/// Which browser rule the session cookie's attributes break: each case says what is wrong and
/// what to change.
///
/// These are usage errors (the application's configuration or code); descriptions never contain
/// the cookie's value.
public enum CookieAttributeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The name is empty.
    case emptyName
    /// The name contains a byte that is not a `tchar` (RFC 9110 token), at this offset.
    case invalidNameCharacter(String, offset: Int)
    /// The value contains a byte that is not a `cookie-octet` (RFC 6265 section 4.1.1), at this
    /// offset.
    case invalidValueCharacter(String, offset: Int)
    /// An attribute's value is over the 1024 bytes browsers keep (RFC 6265bis section 5.6).
    case attributeTooLong(attribute: String, length: Int, limit: Int)
    /// The Path does not start with `/`.
    case pathNotAbsolute
    /// The Path contains, at this offset, a control character, a space, `;`, or a character
    /// that URLs percent-encode (the browser would never send the cookie back).
    case invalidPathCharacter(String, offset: Int)
    /// The Domain is not a valid domain name.
    case invalidDomain(DomainNameError)
    /// Max-Age is negative; use 0 to delete a cookie.
    case negativeMaxAge(Int)
    /// Expires is outside the years 1601 to 9999 that a cookie date can carry.
    case expiresOutOfRange
    /// `SameSite=None` without `Secure`: browsers drop the cookie.
    case sameSiteNoneRequiresSecure
    /// `Partitioned` without `Secure`: browsers drop the cookie.
    case partitionedRequiresSecure
    /// A `__Secure-` name without `Secure`: browsers drop the cookie.
    case securePrefixRequiresSecure
    /// A `__Host-` name without `Secure`: browsers drop the cookie.
    case hostPrefixRequiresSecure
    /// A `__Host-` name with a Path other than `/`: browsers drop the cookie.
    case hostPrefixRequiresRootPath
    /// A `__Host-` name with a Domain attribute: browsers drop the cookie.
    case hostPrefixForbidsDomain

    public var description: String {
        switch self {
        case .emptyName:
            "the cookie name is empty"
        case .invalidNameCharacter(let byte, let offset):
            "the cookie name has \(byte) at offset \(offset); a name must be an RFC 9110 token (letters, digits and !#$%&'*+-.^_`|~)"
        case .invalidValueCharacter(let byte, let offset):
            "the cookie value has \(byte) at offset \(offset); a value may only hold RFC 6265 cookie-octets (no spaces, quotes, commas, semicolons, backslashes or non-ASCII); encode it, for example as base64url"
        case .attributeTooLong(let attribute, let length, let limit):
            "the \(attribute) attribute is \(length) bytes, over the \(limit) bytes browsers keep"
        case .pathNotAbsolute:
            "the Path attribute must start with '/'"
        case .invalidPathCharacter(let byte, let offset):
            "the Path attribute has \(byte) at offset \(offset); control characters, spaces, ';' and the characters URLs percent-encode (\" # < > ? \\ ^ ` { }) are not allowed, since the browser would never send the cookie back: write the path percent-encoded, as in /a%20b"
        case .invalidDomain(let reason):
            "the Domain attribute is invalid: \(reason)"
        case .negativeMaxAge(let value):
            "Max-Age is \(value); it must be 0 or more (0 deletes the cookie)"
        case .expiresOutOfRange:
            "Expires must fall in the years 1601 to 9999"
        case .sameSiteNoneRequiresSecure:
            "SameSite=None requires Secure; browsers drop the cookie otherwise: set Secure, or use SameSite=Lax"
        case .partitionedRequiresSecure:
            "Partitioned requires Secure; browsers drop the cookie otherwise"
        case .securePrefixRequiresSecure:
            "a cookie named with the __Secure- prefix requires Secure; browsers drop it otherwise"
        case .hostPrefixRequiresSecure:
            "a cookie named with the __Host- prefix requires Secure; browsers drop it otherwise"
        case .hostPrefixRequiresRootPath:
            "a cookie named with the __Host- prefix requires Path=/; browsers drop it otherwise"
        case .hostPrefixForbidsDomain:
            "a cookie named with the __Host- prefix must not have a Domain attribute, so it cannot be shared under a root domain: use the __Secure- prefix with root-domain scope, or host-only scope with __Host-"
        }
    }
}
