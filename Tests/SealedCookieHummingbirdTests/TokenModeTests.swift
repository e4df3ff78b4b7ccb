#if Hummingbird
import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import SealedCookieExampleApp
import SealedCookieHummingbird
import Testing

/// Token mode: the sealed session in `Authorization: Bearer`, new values in `Session-Token`.
@Suite struct TokenModeTests {
    @Test func aTokenClientLogsInUsesAndChangesItsSessionWithoutCookies() async throws {
        let node = try TestNode()
        try await node.test { client in
            let login = try await client.execute(
                uri: "/login?user=dave", method: .post, headers: [SessionTokenMode.defaultResponseHeader: "request"])
            #expect(login.setCookies.isEmpty)
            let token = try #require(login.headers[SessionTokenMode.defaultResponseHeader])

            try await client.execute(uri: "/me", method: .get, headers: [.authorization: "Bearer \(token)"]) {
                response in
                #expect(response.reply?.user == "dave")
                #expect(response.headers[SessionTokenMode.defaultResponseHeader] == nil)
                #expect(response.setCookies.isEmpty)
            }
            let change = try await client.execute(
                uri: "/cart?item=kettle", method: .post, headers: [.authorization: "bearer  \(token)"])
            #expect(change.setCookies.isEmpty)
            let changed = try #require(change.headers[SessionTokenMode.defaultResponseHeader])
            #expect(changed != token)
            try await client.execute(uri: "/me", method: .get, headers: [.authorization: "Bearer \(changed)"]) {
                response in
                #expect(response.reply?.cart == ["kettle"])
            }
            // Logging out sends nothing to delete: the client drops its token.
            try await client.execute(uri: "/logout", method: .post, headers: [.authorization: "Bearer \(changed)"]) {
                response in
                #expect(response.setCookies.isEmpty)
                #expect(response.headers[SessionTokenMode.defaultResponseHeader] == nil)
            }
        }
    }

    @Test func theBearerTokenWinsOverACookieAndBadTokensAreNoSession() async throws {
        let node = try TestNode()
        try await node.test { client in
            let cookie = try await client.execute(uri: "/login?user=alice", method: .post).cookieField
            let token = try #require(
                try await client.execute(
                    uri: "/login?user=dave", method: .post, headers: [SessionTokenMode.defaultResponseHeader: "1"]
                ).headers[SessionTokenMode.defaultResponseHeader])
            var both: HTTPFields = [.authorization: "Bearer \(token)"]
            both[.cookie] = cookie
            try await client.execute(uri: "/me", method: .get, headers: both) { response in
                #expect(response.reply?.user == "dave")
            }
            for authorization in ["Bearer \(RejectedSessionTests.tampered(token))", "Bearer", "Basic \(token)"] {
                try await client.execute(uri: "/me", method: .get, headers: [.authorization: authorization]) {
                    response in
                    #expect(response.status == .seeOther, "\(authorization.prefix(12))")
                }
            }
        }
    }

    @Test func tokenModeIsOffUnlessConfigured() async throws {
        let node = try TestNode()
        var cookiesOnly = node.node
        cookiesOnly.sessions = try SealedSessionConfiguration(
            cookies: cookiesOnly.sessions.cookies, renewalFraction: cookiesOnly.sessions.renewalFraction,
            revocation: cookiesOnly.sessions.revocation)
        let token = try await node.test { client in
            try #require(
                try await client.execute(
                    uri: "/login?user=dave", method: .post, headers: [SessionTokenMode.defaultResponseHeader: "1"]
                ).headers[SessionTokenMode.defaultResponseHeader])
        }
        try await TestNode.test(node: cookiesOnly, logs: node.logs) { client in
            try await client.execute(uri: "/me", method: .get, headers: [.authorization: "Bearer \(token)"]) {
                response in
                #expect(response.status == .seeOther)
            }
            try await client.execute(
                uri: "/login?user=dave", method: .post, headers: [SessionTokenMode.defaultResponseHeader: "1"]
            ) { response in
                #expect(response.headers[SessionTokenMode.defaultResponseHeader] == nil)
                #expect(response.setCookies.count == 1)
            }
        }
    }
}
#endif
