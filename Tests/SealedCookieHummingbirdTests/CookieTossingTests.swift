import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import SealedCookieExampleApp
import SealedCookieHummingbird
import Testing

/// Cookie tossing through the middleware: a user who controls a sibling subdomain plants his own
/// valid session cookie for the root domain; the victim must get no session, not his.
@Suite struct CookieTossingTests {
    @Test func twoDifferentValidSessionsAreNoSessionAndOneRateLimitedWarning() async throws {
        let node = try TestNode()
        try await node.test { client in
            let mallory = try await client.execute(uri: "/login?user=mallory", method: .post).cookieField
            let alice = try await client.execute(uri: "/login?user=alice", method: .post).cookieField
            // The planted cookie has the longer Path, so the browser sends it first.
            for _ in 0..<5 {
                try await client.execute(uri: "/me", method: .get, headers: .cookie(mallory + "; " + alice)) {
                    response in
                    #expect(response.status == .seeOther)
                    #expect(response.reply?.user == nil)
                    #expect(response.setCookies.isEmpty)
                }
            }
        }
        #expect(node.logs.entries(at: .warning, containing: "different sessions").count == 1)
        #expect(node.logs.all.filter { $0.level >= .error }.isEmpty)
    }
}
