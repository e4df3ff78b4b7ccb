#if Hummingbird
import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import SealedCookie
import SealedCookieExampleApp
import SealedCookieHummingbird
import Testing

/// Re-sealing without a change: key rotation and sliding renewal.
@Suite struct RotationAndRenewalTests {
    @Test func aSessionOpenedWithAnOlderKeyIsResealedUnderThePrimary() async throws {
        let oldKey = try SessionKey.generate(id: 1)
        let clock = TestClock()
        let before = try TestNode(keyRing: KeyRing(primary: oldKey), clock: clock)
        let after = try TestNode(keyRing: TestNode.ring(2, older: [oldKey]), clock: clock)
        let oldCookie = try await before.test { client in
            try await client.execute(uri: "/login?user=alice", method: .post).cookieField
        }
        let newCookie = try await after.test { client in
            try await client.execute(uri: "/me", method: .get, headers: .cookie(oldCookie)) { response in
                #expect(response.reply?.user == "alice")
                #expect(response.setCookies.count == 1)
                return response.cookieField
            }
        }
        #expect(try EnvelopeHeader(sealedValue: oldCookie.cookieValue).keyID == 1)
        #expect(try EnvelopeHeader(sealedValue: newCookie.cookieValue).keyID == 2)
        // Once re-sealed, the session needs nothing more: no cookie on the next request.
        try await after.test { client in
            try await client.execute(uri: "/me", method: .get, headers: .cookie(newCookie)) { response in
                #expect(response.reply?.user == "alice")
                #expect(response.setCookies.isEmpty)
            }
        }
        // And a ring without the old key opens it.
        let retired = try TestNode(
            keyRing: KeyRing(primary: after.node.sessions.codec.configuration.keyRing.primary), clock: clock)
        try await retired.test { client in
            try await client.execute(uri: "/me", method: .get, headers: .cookie(newCookie)) { response in
                #expect(response.reply?.user == "alice")
            }
        }
    }

    /// With the default fraction 0.5 and a one-day lifetime, renewal starts after 12 hours.
    @Test func slidingRenewalStartsJustPastTheConfiguredFraction() async throws {
        let node = try TestNode()
        try await node.test { client in
            let login = try await client.execute(uri: "/login?user=alice", method: .post)
            node.clock.advance(by: 12 * 3600)
            try await client.execute(uri: "/me", method: .get, headers: .cookie(login.cookieField)) { response in
                #expect(response.reply?.user == "alice")
                #expect(response.setCookies.isEmpty, "exactly half the lifetime is not more than half")
            }
            node.clock.advance(by: 1)
            let renewed = try await client.execute(uri: "/me", method: .get, headers: .cookie(login.cookieField))
            #expect(renewed.reply?.user == "alice")
            #expect(renewed.setCookies.count == 1)
            let header = try EnvelopeHeader(sealedValue: renewed.cookieField.cookieValue)
            #expect(header.issuedAt == node.clock.now)
            #expect(header.lifetimeMinutes == 24 * 60)
            // The renewed cookie outlives the original one.
            node.clock.advance(by: 12 * 3600 + 120)
            try await client.execute(uri: "/me", method: .get, headers: .cookie(login.cookieField)) { response in
                #expect(response.status == .seeOther)
            }
            try await client.execute(uri: "/me", method: .get, headers: .cookie(renewed.cookieField)) { response in
                #expect(response.reply?.user == "alice")
            }
        }
    }
}
#endif
