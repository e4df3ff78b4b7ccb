import Foundation
import Testing

@testable import SealedCookie

/// The one ``SealedSessionConfiguration`` both framework middlewares take: every setting is
/// checked once, when it is made, and none can change afterwards.
@Suite("Session middleware configuration")
struct SealedSessionConfigurationTests {
    struct Account: Codable, Sendable, Equatable {
        var userID: String
    }

    typealias Configuration = SealedSessionConfiguration<Account>

    static func configuration(tokenMode: SessionTokenMode? = SessionTokenMode()) throws -> Configuration {
        try Configuration(
            cookieName: "session", keyRing: KeyRing(primary: Fixture.sequentialKey()), rootDomain: nil,
            tokenMode: tokenMode)
    }

    /// Vapor's copy had `public var cookies`, with the token codec made once from the cookies of
    /// the initializer (so a new cookie layer kept the old token codec), and `public var
    /// renewalFraction`, which skipped the initializer's range check.
    @Test("no setting is writable after the checks: the token codec cannot go stale, no range check be skipped")
    func everySettingIsAConstant() {
        #expect(!((\Configuration.cookies as AnyKeyPath) is WritableKeyPath<Configuration, SessionCookies<Account>>))
        #expect(!((\Configuration.renewalFraction as AnyKeyPath) is WritableKeyPath<Configuration, Double?>))
        #expect(!((\Configuration.tokenMode as AnyKeyPath) is WritableKeyPath<Configuration, SessionTokenMode?>))
        #expect(
            !((\Configuration.revocation as AnyKeyPath)
                is WritableKeyPath<Configuration, (any SessionRevocationCheck<Account>)?>))
        #expect(!((\SessionTokenMode.responseHeader as AnyKeyPath) is WritableKeyPath<SessionTokenMode, String>))
    }

    @Test("the token codec is the cookie codec's under the token purpose: each opens only its own values")
    func theTokenCodecBelongsToTheCookieCodec() throws {
        let configuration = try Self.configuration()
        let account = Account(userID: "u1")
        let token = try configuration.tokenCodec.seal(account)
        #expect(try configuration.codec.tokenCodec().open(token).session == account)
        #expect(throws: SessionCodecError.authenticationFailed) { try configuration.codec.open(token) }
        #expect(throws: SessionCodecError.authenticationFailed) {
            try configuration.tokenCodec.open(configuration.codec.seal(account))
        }
    }

    @Test("a renewal fraction outside 0 to 1 is refused", arguments: [Double.nan, -0.1, 1.5, .infinity])
    func aRenewalFractionOutsideZeroToOneIsRefused(fraction: Double) throws {
        let cookies = try Self.configuration().cookies
        #expect {
            try Configuration(cookies: cookies, renewalFraction: fraction)
        } throws: { error in
            guard case SessionCookieError.invalidConfiguration(let setting, _) = error else { return false }
            return setting == "renewalFraction"
        }
    }

    @Test(
        "a token field that is not an HTTP field name is refused",
        arguments: ["", "Session Token", "Session-Token:", "Sessión", "a\r\nb"])
    func aTokenFieldThatIsNotAFieldNameIsRefused(field: String) throws {
        #expect {
            try Self.configuration(tokenMode: SessionTokenMode(responseHeader: field))
        } throws: { error in
            guard case SessionCookieError.invalidConfiguration(let setting, _) = error else { return false }
            return setting == "tokenMode.responseHeader"
        }
        #expect(try Self.configuration(tokenMode: SessionTokenMode(responseHeader: "X-Token")).tokenMode != nil)
    }

    @Test("a bearer token is the first non-empty value of an Authorization field with the Bearer scheme")
    func bearerTokens() {
        #expect(SessionTokenMode.bearerToken(in: []) == nil)
        #expect(SessionTokenMode.bearerToken(in: ["Basic dTpw", "bearer  abc"]) == "abc")
        #expect(SessionTokenMode.bearerToken(in: ["Bearer ", "BEARER xyz"]) == "xyz")
        #expect(SessionTokenMode.bearerToken(in: ["Bearer"]) == nil)
    }
}
