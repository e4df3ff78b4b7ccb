#if Vapor
import SealedCookie
import SealedCookieExampleModel
import SealedCookieVapor
import Testing

/// The Vapor configuration's one-line setup and its checks, as on Hummingbird.
@Suite struct ConfigurationTests {
    @Test func theOneLineSetupScopesTheCookieToTheRootDomainAndChecksIt() throws {
        let configuration = try SealedSessionConfiguration<ExampleSession>(
            cookieName: "__Secure-session", keyRing: VaporTestNode.ring(1), rootDomain: "Example.com")
        #expect(configuration.cookies.configuration.scope.rootDomain == "example.com")
        #expect(configuration.renewalFraction == 0.5)
        #expect(throws: SessionCookieError.rootDomainIsPublicSuffix("github.io")) {
            try SealedSessionConfiguration<ExampleSession>(
                cookieName: "s", keyRing: VaporTestNode.ring(1), rootDomain: "github.io")
        }
        #expect(
            throws: SessionCookieError.invalidConfiguration(
                setting: "renewalFraction", allowed: "from 0 to 1, or nil (is 2.0)")
        ) {
            try SealedSessionConfiguration<ExampleSession>(
                cookieName: "s", keyRing: VaporTestNode.ring(1), rootDomain: nil, renewalFraction: 2)
        }
    }
}
#endif
