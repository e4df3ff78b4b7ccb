import SealedCookie

/// The library's cookie layer over a document codec: every Set-Cookie line, chunk and Cookie
/// header the tool writes or reads goes through ``SessionCookies``.
enum DocumentCookies {
    /// The scope for `--domain`: every host under the root domain, or host-only without one.
    static func scope(domain: String?) throws(ToolError) -> CookieScope {
        guard let domain else { return .hostOnly }
        do {
            return try .rootDomain(domain)
        } catch {
            throw ToolError("\(error)")
        }
    }

    static func make(
        codec: SessionCodec<[UInt8]>, configuration: SessionCookiesConfiguration
    ) throws(ToolError) -> SessionCookies<[UInt8]> {
        do {
            return try SessionCookies(codec: codec, configuration: configuration)
        } catch {
            throw ToolError("\(error)")
        }
    }
}
