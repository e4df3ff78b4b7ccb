#if Hummingbird
import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import SealedCookie
import SealedCookieExampleApp
import SealedCookieHummingbird
import Testing

/// The absolute session timeout through the middleware: sliding renewal keeps the session's
/// start, and the session ends at the maximum age however active the user is.
@Suite struct MiddlewareSessionAgeTests {
    @Test func renewalsCarryTheStartAndTheMaximumAgeEndsTheSession() async throws {
        let node = try TestNode(maxSessionAge: .seconds(2 * 86400))
        try await node.test { client in
            let login = try await client.execute(uri: "/login?user=alice", method: .post)
            let started = node.clock.now
            var cookie = login.cookieField
            // Active every 13 hours: each request past half the lifetime renews the cookie.
            for _ in 0..<3 {
                node.clock.advance(by: 13 * 3600)
                let response = try await client.execute(uri: "/me", method: .get, headers: .cookie(cookie))
                #expect(response.reply?.user == "alice")
                #expect(response.setCookies.count == 1)
                cookie = response.cookieField
                let header = try EnvelopeHeader(sealedValue: cookie.cookieValue)
                #expect(header.issuedAt == node.clock.now)
                #expect(header.sessionStartedAt == started)
            }
            // 39 hours in; the renewed cookie is valid for 24 more, but the session ends at 48
            // hours (and the 60-second skew).
            node.clock.advance(by: 9 * 3600 + 59)
            try await client.execute(uri: "/me", method: .get, headers: .cookie(cookie)) { response in
                #expect(response.reply?.user == "alice")
            }
            node.clock.advance(by: 2)
            try await client.execute(uri: "/me", method: .get, headers: .cookie(cookie)) { response in
                #expect(response.status == .seeOther)
            }
            let rejected = node.logs.entries(at: .debug, containing: "rejected")
            #expect(rejected.last?.metadata.contains("longer ago than the maximum session age") == true)
            // Logging in again starts a new session.
            let again = try await client.execute(uri: "/login?user=alice", method: .post, headers: .cookie(cookie))
            #expect(try EnvelopeHeader(sealedValue: again.cookieField.cookieValue).sessionStartedAt == node.clock.now)
        }
    }
}
#endif
