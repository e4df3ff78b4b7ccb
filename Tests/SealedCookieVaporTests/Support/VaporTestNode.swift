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

/// The Vapor example routes behind the session middleware, in memory, on host `a.example.test`
/// of root domain `example.test`, with a hand-moved clock and the logs recorded.
struct VaporTestNode {
    static let host = "a.example.test"
    static let rootDomain = "example.test"

    var node: VaporExampleNode
    let clock: TestClock
    let logs = LogRecorder()

    /// A node with a one-key ring (id 1) unless `keyRing` is given.
    init(
        keyRing: KeyRing? = nil, clock: TestClock = TestClock(),
        revocation: SessionRevocationList<ExampleSession>? = nil, maxSessionAge: Duration? = nil
    ) throws {
        self.clock = clock
        self.node = try VaporExampleNode(
            name: "v", keyRing: try keyRing ?? Self.ring(1), rootDomain: Self.rootDomain, revocation: revocation,
            maxSessionAge: maxSessionAge, clock: clock.source)
    }

    /// A ring with a new primary key `id`, and older keys.
    static func ring(_ id: UInt8, older: [SessionKey] = []) throws -> KeyRing {
        try KeyRing(primary: SessionKey.generate(id: id), older: older)
    }

    /// Runs `test` against the node's routes.
    func test<Value>(_ test: (Client) async throws -> Value) async throws -> Value {
        try await self.test(routes: { _ in }, test)
    }

    /// Runs `test` against the node's routes plus the ones `routes` adds.
    func test<Value>(routes: (Application) throws -> Void, _ test: (Client) async throws -> Value) async throws -> Value
    {
        try await withApp { app in
            app.logger = logs.logger
            VaporExampleRoutes.add(to: app, node: node)
            try routes(app)
            return try await test(Client(tester: try app.testing()))
        }
    }

    /// Sends requests as a browser on ``VaporTestNode/host`` would, with a `Cookie` field.
    struct Client {
        let tester: any TestingApplicationTester

        @discardableResult
        func send(
            _ method: HTTPMethod, _ path: String, cookie: String? = nil, headers: HTTPHeaders = [:],
            host: String = VaporTestNode.host
        ) async throws -> TestingHTTPResponse {
            var headers = headers
            headers.replaceOrAdd(name: .host, value: host)
            if let cookie, !cookie.isEmpty { headers.replaceOrAdd(name: .cookie, value: cookie) }
            return try await tester.sendRequest(method, path, headers: headers)
        }
    }
}

extension TestingHTTPResponse {
    /// Every `Set-Cookie` value.
    var setCookies: [String] { headers[.setCookie] }

    /// The `Cookie` field a browser would send after this response: every cookie it set, not
    /// the ones it deleted.
    var cookieField: String {
        setCookies.filter { !$0.contains("Max-Age=0") }.map { $0.prefix { $0 != ";" } }.joined(separator: "; ")
    }

    /// The body as the example app's reply.
    var reply: NodeReply? { try? JSONDecoder().decode(NodeReply.self, from: Data(body.readableBytesView)) }
}
#endif
