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

/// Cookies that do not open, and hosts outside the scope: no session, logged at debug level,
/// never a server error.
@Suite struct RejectedSessionTests {
    @Test(arguments: [
        "session=garbage",
        "session=3~AAAA",
        "session=" + String(repeating: "A", count: 5000),
    ])
    func aBadCookieIsNoSessionWithTheReasonAtDebugLevel(cookie: String) async throws {
        let node = try VaporTestNode()
        try await node.test { client in
            let me = try await client.send(.GET, "/me", cookie: cookie)
            #expect(me.status == .seeOther)
            #expect(me.setCookies.isEmpty, "a cookie that does not open is left alone")
        }
        #expect(node.logs.entries(at: .debug, containing: "Sealed session rejected").count == 1)
        #expect(node.logs.all.filter { $0.level >= .warning && !$0.message.hasPrefix("Abort.303") }.isEmpty)
    }

    @Test func aTamperedCookieIsRejected() async throws {
        let node = try VaporTestNode()
        try await node.test { client in
            let login = try await client.send(.POST, "/login?user=alice")
            var bytes = Array(login.cookieField.utf8)
            let index = bytes.count - 5
            bytes[index] = bytes[index] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
            let me = try await client.send(.GET, "/me", cookie: String(decoding: bytes, as: UTF8.self))
            #expect(me.status == .seeOther)
        }
        #expect(node.logs.entries(at: .debug, containing: "Sealed session rejected").count == 1)
    }

    @Test func anExpiredCookieIsRejected() async throws {
        let node = try VaporTestNode()
        try await node.test { client in
            let login = try await client.send(.POST, "/login?user=alice")
            node.clock.advance(by: 86_400 + 600)
            let me = try await client.send(.GET, "/me", cookie: login.cookieField)
            #expect(me.status == .seeOther)
        }
    }

    @Test func aCookieFromAnotherKeyRingIsRejected() async throws {
        let other = try VaporTestNode()
        let cookie = try await other.test { try await $0.send(.POST, "/login?user=alice").cookieField }
        let node = try VaporTestNode()
        try await node.test { client in
            let me = try await client.send(.GET, "/me", cookie: cookie)
            #expect(me.status == .seeOther)
        }
    }

    @Test(arguments: ["evil.test", "", "example.test.evil.test"])
    func aHostOutsideTheScopeGetsNoCookieAndNoServerError(host: String) async throws {
        let node = try VaporTestNode()
        try await node.test { client in
            let login = try await client.send(.POST, "/login?user=alice", host: host)
            #expect(login.status == .ok)
            #expect(login.setCookies.isEmpty)
        }
        #expect(node.logs.entries(at: .debug, containing: "outside the cookie scope").count == 1)
        #expect(node.logs.all.filter { $0.level >= .warning }.isEmpty)
    }
}
#endif
