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
        #expect(throws: SessionCodecError.self) { try SealedSessionConfiguration(cookies: cookies, renewalFraction: fraction) }
    }

    @Test(arguments: [nil, 0, 0.5, 1] as [Double?])
    func aRenewalFractionFromZeroToOneOrNilIsAccepted(fraction: Double?) throws {
        _ = try SealedSessionConfiguration(cookies: Self.cookies(), renewalFraction: fraction)
    }
}
