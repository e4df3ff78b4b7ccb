#if Hummingbird
import Foundation
import SealedCookie
import SealedCookieExampleApp
import SealedCookieHummingbird
import Testing

/// Every number of the middleware's configuration is checked when it is made.
@Suite struct ConfigurationCheckTests {
    static func cookies() throws -> SessionCookies<ExampleSession> {
        let codec = try SessionCodec<ExampleSession>(
            configuration: SessionCodecConfiguration(cookieName: "session", keyRing: TestNode.ring(1)))
        return try SessionCookies(codec: codec, configuration: SessionCookiesConfiguration(scope: .hostOnly))
    }

    @Test(arguments: [Double.nan, -0.1, 1.5, .infinity])
    func aRenewalFractionOutsideZeroToOneIsRefused(fraction: Double) throws {
        let cookies = try Self.cookies()
        do {
            _ = try SealedSessionConfiguration(cookies: cookies, renewalFraction: fraction)
            Issue.record("renewal fraction \(fraction) was accepted")
        } catch {
            guard case .invalidConfiguration(let setting, _) = error else { throw error }
            #expect(setting == "renewalFraction")
        }
    }

    @Test func theOneLineSetupScopesTheCookieToTheRootDomainAndChecksIt() throws {
        let configuration = try SealedSessionConfiguration<ExampleSession>(
            cookieName: "__Secure-session", keyRing: TestNode.ring(1), rootDomain: "Example.com")
        #expect(configuration.cookies.configuration.scope.rootDomain == "example.com")
        #expect(configuration.cookies.configuration.isSecure)
        #expect(configuration.codec.configuration.cookieName == "__Secure-session")
        #expect(throws: SessionCookieError.rootDomainIsPublicSuffix("co.uk")) {
            try SealedSessionConfiguration<ExampleSession>(
                cookieName: "s", keyRing: TestNode.ring(1), rootDomain: "co.uk")
        }
        #expect(throws: SessionCookieError.invalidCookieAttributes(.hostPrefixForbidsDomain)) {
            try SealedSessionConfiguration<ExampleSession>(
                cookieName: "__Host-s", keyRing: TestNode.ring(1), rootDomain: "example.com")
        }
        let hostOnly = try SealedSessionConfiguration<ExampleSession>(
            cookieName: "__Host-s", keyRing: TestNode.ring(1), rootDomain: nil)
        #expect(hostOnly.cookies.configuration.scope == .hostOnly)
    }

    @Test(arguments: [nil, 0, 0.5, 1] as [Double?])
    func aRenewalFractionFromZeroToOneOrNilIsAccepted(fraction: Double?) throws {
        _ = try SealedSessionConfiguration(cookies: Self.cookies(), renewalFraction: fraction)
    }
}
#endif
