/// What a ``SessionCookies`` was made with and checked from it, shared by every copy.
final class SessionCookiesState: Sendable {
    let configuration: SessionCookiesConfiguration
    /// The configured attributes on a cookie with the base name and an empty value.
    let attributes: SetCookie

    init(configuration: SessionCookiesConfiguration, attributes: SetCookie) {
        self.configuration = configuration
        self.attributes = attributes
    }
}
