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

/// Sessions past one cookie: chunks, stale-chunk deletion, logout of every chunk, and a
/// session past every chunk refused with a 500 rather than dropped.
@Suite struct ChunkingTests {
    private func names(_ lines: [String]) -> [String] { lines.map { String($0.prefix { $0 != "=" }) } }

    @Test func aLargeSessionIsChunkedAndReadBack() async throws {
        let node = try VaporTestNode()
        try await node.test { client in
            let login = try await client.send(.POST, "/login?user=alice")
            let grown = try await client.send(.POST, "/grow?bytes=5000", cookie: login.cookieField)
            #expect(grown.status == .ok)
            #expect(names(grown.setCookies) == ["session", "session.1"])
            let me = try await client.send(.GET, "/me", cookie: grown.cookieField)
            #expect(me.reply?.user == "alice")
            #expect(me.setCookies.isEmpty)
        }
    }

    @Test func logoutDeletesEveryChunkWithTheRootDomain() async throws {
        let node = try VaporTestNode()
        try await node.test { client in
            let login = try await client.send(.POST, "/login?user=alice")
            let grown = try await client.send(.POST, "/grow?bytes=5000", cookie: login.cookieField)
            let logout = try await client.send(.POST, "/logout", cookie: grown.cookieField)
            #expect(names(logout.setCookies) == ["session", "session.1"])
            for line in logout.setCookies {
                #expect(
                    line.contains("; Domain=example.test") && line.contains("; Path=/") && line.contains("; Max-Age=0"),
                    "\(line)")
            }
        }
    }

    @Test func shrinkingDeletesTheStaleChunk() async throws {
        let node = try VaporTestNode()
        try await node.test { client in
            let login = try await client.send(.POST, "/login?user=alice")
            let grown = try await client.send(.POST, "/grow?bytes=5000", cookie: login.cookieField)
            let shrunk = try await client.send(.POST, "/grow?bytes=10", cookie: grown.cookieField)
            #expect(shrunk.setCookies.count == 2)
            #expect(shrunk.setCookies.first?.hasPrefix("session=") == true)
            #expect(shrunk.setCookies.last?.hasPrefix("session.1=;") == true)
            #expect(shrunk.setCookies.last?.contains("; Domain=example.test; Path=/") == true)
        }
    }

    @Test func aSessionPastTheBudgetIsAServerErrorWithALogLineAndNoCookie() async throws {
        let node = try VaporTestNode()
        try await node.test { client in
            let login = try await client.send(.POST, "/login?user=alice")
            let tooBig = try await client.send(.POST, "/grow?bytes=12000", cookie: login.cookieField)
            #expect(tooBig.status == .internalServerError)
            #expect(tooBig.setCookies.isEmpty)
            #expect(node.logs.entries(at: .error, containing: "Session not stored, answering 500").count == 1)
            // The session the browser holds still works.
            let me = try await client.send(.GET, "/me", cookie: login.cookieField)
            #expect(me.reply?.user == "alice")
        }
    }
}
#endif
