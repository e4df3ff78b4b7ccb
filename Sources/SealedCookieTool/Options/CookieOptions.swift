import ArgumentParser
import SealedCookie

/// The attributes of the session cookie besides its scope, as in ``SessionCookiesConfiguration``.
/// `Secure`, `HttpOnly`, `Max-Age` and `Expires` follow the library's defaults.
struct CookieOptions: ParsableArguments {
    @Option(help: "The Path attribute.")
    var path = "/"

    @Option(name: .customLong("same-site"), help: "The SameSite attribute: lax, strict or none.")
    var sameSite: SameSiteOption = .lax
}

extension CookieOptions {
    /// The cookie layer's configuration for these attributes.
    func configuration(scope: CookieScope, budget: CookieBudget, maxChunkCount: Int) -> SessionCookiesConfiguration {
        SessionCookiesConfiguration(
            scope: scope, path: path, sameSite: sameSite.sameSite, budget: budget, maxChunkCount: maxChunkCount)
    }
}
