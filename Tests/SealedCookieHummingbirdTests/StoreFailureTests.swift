#if Hummingbird
import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import SealedCookieExampleApp
import SealedCookieHummingbird
import Testing

/// A session that cannot be stored for the application's reasons is a 500 with a clear log
/// line, never a dropped cookie (a host outside the scope is request input: see HostHeaderTests).
@Suite struct StoreFailureTests {
    @Test func aSessionPastTheBudgetIsAServerErrorAndTheOldCookieStays() async throws {
        let node = try TestNode()
        try await node.test { client in
            let login = try await client.execute(uri: "/login?user=alice", method: .post)
            try await client.execute(uri: "/grow?bytes=7000", method: .post, headers: .cookie(login.cookieField)) {
                response in
                #expect(response.status == .internalServerError)
                #expect(response.setCookies.isEmpty)
                #expect(!response.text.contains("7000"))
            }
            try await client.execute(uri: "/me", method: .get, headers: .cookie(login.cookieField)) { response in
                #expect(response.reply?.user == "alice")
            }
        }
        let errors = node.logs.entries(at: .error, containing: "Session not stored")
        #expect(errors.count == 1)
        #expect(
            errors.first?.message.contains("does not fit") == true
                || errors.first?.message.contains("too large") == true)
    }
}
#endif
