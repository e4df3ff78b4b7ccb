#if Hummingbird
import Foundation
import HTTPTypes
import HummingbirdTesting
import SealedCookieExampleApp
import SealedCookieHummingbird
import Testing

/// A response that carries a session (Set-Cookie or a token) must not be stored by a shared
/// cache, which would hand one user's session to the next.
@Suite struct NoStoreTests {
    @Test func responsesCarryingASessionAreNotStored() async throws {
        let node = try TestNode()
        try await node.test { client in
            let login = try await client.execute(uri: "/login?user=alice", method: .post)
            #expect(!login.setCookies.isEmpty)
            #expect(login.headers[.cacheControl] == "no-store")
            let token = try await client.execute(
                uri: "/login?user=bob", method: .post, headers: [SessionTokenMode.defaultResponseHeader: "request"])
            #expect(token.headers[SessionTokenMode.defaultResponseHeader] != nil)
            #expect(token.headers[.cacheControl] == "no-store")
            let logout = try await client.execute(uri: "/logout", method: .post, headers: .cookie(login.cookieField))
            #expect(!logout.setCookies.isEmpty)
            #expect(logout.headers[.cacheControl] == "no-store")
            // A response without a session header keeps the app's caching.
            let read = try await client.execute(uri: "/me", method: .get, headers: .cookie(login.cookieField))
            #expect(read.setCookies.isEmpty)
            #expect(read.headers[.cacheControl] == nil)
        }
    }
}
#endif
