#if Hummingbird
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import SealedCookieExampleApp
import SealedCookieHummingbird
import Testing

/// The `Host` header is attacker-controlled: a missing or out-of-scope host must never become a
/// 500 or a log line above debug level, however many such requests arrive (as on Vapor: the
/// request flow is the core's).
@Suite struct HostHeaderTests {
    static let floodSize = 300

    @Test(arguments: ["example.org", "", "evil-example.test", "[::1]:8080"])
    func aFloodOfRequestsForAHostOutsideTheScopeGetsNoCookieAndOnlyDebugLines(host: String) async throws {
        let node = try TestNode()
        try await TestNode.test(node: node.node, logs: node.logs, host: host) { client in
            for _ in 0..<Self.floodSize {
                try await client.execute(uri: "/login?user=alice", method: .post) { response in
                    #expect(response.status == .ok)
                    #expect(response.setCookies.isEmpty)
                }
            }
        }
        #expect(node.logs.all.filter { $0.level >= .warning }.isEmpty)
        #expect(node.logs.entries(at: .debug, containing: "outside the cookie scope").count == Self.floodSize)
    }

    @Test func aFloodOfDistinctHostsLogsNothingAboveDebug() async throws {
        let node = try TestNode()
        let routes = { (router: Router<ExampleContext>) in
            router.add(middleware: HostFromFieldMiddleware())
            ExampleRoutes.add(to: router, node: node.node)
        }
        try await TestNode.test(routes: routes, logs: node.logs) { client in
            for index in 0..<Self.floodSize {
                try await client.execute(
                    uri: "/login?user=alice", method: .post, headers: [.testHost: "h\(index).example.org"]
                ) {
                    response in
                    #expect(response.status == .ok)
                    #expect(response.setCookies.isEmpty)
                }
            }
        }
        #expect(node.logs.all.filter { $0.level >= .warning }.isEmpty)
        #expect(node.logs.entries(at: .debug, containing: "outside the cookie scope").count == Self.floodSize)
    }
}

extension HTTPField.Name {
    fileprivate static let testHost = HTTPField.Name("X-Test-Host")!
}

/// Addresses each request to the host its `X-Test-Host` field names.
private struct HostFromFieldMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var head = request.head
        head.authority = request.headers[.testHost]
        return try await next(Request(head: head, body: request.body), context)
    }
}
#endif
