#if Vapor
import Foundation
import SealedCookie
import SealedCookieExampleModel
import SealedCookieTestSupport
import SealedCookieVapor
import SealedCookieVaporExample
import Testing
import Vapor
import VaporTesting

/// Re-sealing without a change: key rotation, sliding renewal and the session start carried
/// across both.
@Suite struct RotationAndRenewalTests {
    @Test func aSessionOpenedWithAnOlderKeyIsResealedUnderThePrimary() async throws {
        let oldKey = try SessionKey.generate(id: 1)
        let clock = TestClock()
        let before = try VaporTestNode(keyRing: KeyRing(primary: oldKey), clock: clock)
        let after = try VaporTestNode(keyRing: VaporTestNode.ring(2, older: [oldKey]), clock: clock)
        let oldCookie = try await before.test { try await $0.send(.POST, "/login?user=alice").cookieField }
        try await after.test { client in
            let me = try await client.send(.GET, "/me", cookie: oldCookie)
            #expect(me.reply?.user == "alice")
            #expect(me.setCookies.count == 1)
            #expect(try EnvelopeHeader(sealedValue: me.cookieField.cookieValue).keyID == 2)
            // Once re-sealed, nothing more to send.
            #expect(try await client.send(.GET, "/me", cookie: me.cookieField).setCookies.isEmpty)
        }
        #expect(try EnvelopeHeader(sealedValue: oldCookie.cookieValue).keyID == 1)
    }

    /// With the default fraction 0.5 and a one-day lifetime, renewal starts after 12 hours.
    @Test func slidingRenewalStartsJustPastHalfTheLifetimeAndKeepsTheSessionStart() async throws {
        let node = try VaporTestNode(maxSessionAge: .seconds(7 * 86_400))
        try await node.test { client in
            let login = try await client.send(.POST, "/login?user=alice")
            node.clock.advance(by: 12 * 3600)
            #expect(try await client.send(.GET, "/me", cookie: login.cookieField).setCookies.isEmpty)
            node.clock.advance(by: 1)
            let renewed = try await client.send(.GET, "/me", cookie: login.cookieField)
            #expect(renewed.reply?.user == "alice")
            #expect(renewed.setCookies.count == 1)
            let header = try EnvelopeHeader(sealedValue: renewed.cookieField.cookieValue)
            #expect(header.issuedAt == node.clock.now)
            // Carried in whole minutes of age: the login time, give or take a minute.
            #expect(
                abs(header.sessionStartedAt.timeIntervalSince(TestClock.start)) < 60,
                "the maximum session age counts from the login")
            node.clock.advance(by: 12 * 3600 + 120)
            #expect(try await client.send(.GET, "/me", cookie: login.cookieField).status == .seeOther)
            #expect(try await client.send(.GET, "/me", cookie: renewed.cookieField).reply?.user == "alice")
        }
    }

    @Test func aChangeKeepsTheSessionStart() async throws {
        let node = try VaporTestNode(maxSessionAge: .seconds(7 * 86_400))
        try await node.test { client in
            let login = try await client.send(.POST, "/login?user=alice")
            node.clock.advance(by: 600)
            let change = try await client.send(.POST, "/cart?item=lamp", cookie: login.cookieField)
            let header = try EnvelopeHeader(sealedValue: change.cookieField.cookieValue)
            #expect(header.issuedAt == node.clock.now)
            #expect(header.sessionStartedAt == TestClock.start)
        }
    }

    /// Renewals carry the login time, so the maximum session age ends a session that was
    /// renewed all along.
    @Test func theMaximumSessionAgeEndsARenewedSession() async throws {
        let node = try VaporTestNode(maxSessionAge: .seconds(2 * 86_400))
        try await node.test { client in
            var cookie = try await client.send(.POST, "/login?user=alice").cookieField
            for _ in 0..<3 {
                node.clock.advance(by: 13 * 3600)
                let me = try await client.send(.GET, "/me", cookie: cookie)
                #expect(me.reply?.user == "alice")
                cookie = me.setCookies.isEmpty ? cookie : me.cookieField
            }
            node.clock.advance(by: 10 * 3600)  // 49 hours after the login
            let late = try await client.send(.GET, "/me", cookie: cookie)
            #expect(late.status == .seeOther)
        }
    }
}

extension String {
    /// The value of a `name=value` pair or of a `Set-Cookie` line.
    var cookieValue: String { String(prefix { $0 != ";" }.drop { $0 != "=" }.dropFirst()) }
}
#endif
