#if Hummingbird
import Foundation
import HTTPTypes
import HummingbirdTesting
import SealedCookieExampleApp
import SealedCookieHummingbird
import Testing

/// Tokens are sealed under their own purpose: a token read from JavaScript storage must not work
/// as the HttpOnly cookie, nor a stolen cookie value as a bearer token.
@Suite struct TokenPurposeTests {
    @Test func aTokenIsNotACookieAndACookieIsNotAToken() async throws {
        let node = try TestNode()
        try await node.test { client in
            let token = try #require(
                try await client.execute(
                    uri: "/login?user=alice", method: .post,
                    headers: [SessionTokenMode.defaultResponseHeader: "request"]
                )
                .headers[SessionTokenMode.defaultResponseHeader])
            let cookie = try await client.execute(uri: "/login?user=bob", method: .post).cookieField
            try await client.execute(uri: "/me", method: .get, headers: .cookie("session=" + token)) { response in
                #expect(response.reply?.user == nil)
            }
            try await client.execute(
                uri: "/me", method: .get, headers: [.authorization: "Bearer " + cookie.cookieValue]
            ) {
                response in
                #expect(response.reply?.user == nil)
            }
            // Each still works in its own place.
            try await client.execute(uri: "/me", method: .get, headers: [.authorization: "Bearer " + token]) {
                response in
                #expect(response.reply?.user == "alice")
            }
            try await client.execute(uri: "/me", method: .get, headers: .cookie(cookie)) { response in
                #expect(response.reply?.user == "bob")
            }
        }
    }
}
#endif
