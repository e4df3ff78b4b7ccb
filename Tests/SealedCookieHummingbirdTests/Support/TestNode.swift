#if Hummingbird
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SealedCookie
import SealedCookieExampleApp
import SealedCookieHummingbird

/// The example app's routes behind the session middleware, run through `app.test(.router)` on
/// host `a.example.test` of root domain `example.test`, with a hand-moved clock and its logs
/// recorded.
struct TestNode {
    static let host = "a.example.test"
    static let rootDomain = "example.test"

    let node: ExampleNode
    let clock: TestClock
    let logs = LogRecorder()

    /// A node with a one-key ring (id 1) unless `keyRing` is given.
    init(
        keyRing: KeyRing? = nil, clock: TestClock = TestClock(),
        revocation: SessionRevocationList<ExampleSession>? = nil, maxSessionAge: Duration? = nil
    ) throws {
        self.clock = clock
        self.node = try ExampleNode(
            name: "a", keyRing: try keyRing ?? Self.ring(1), rootDomain: Self.rootDomain, revocation: revocation,
            maxSessionAge: maxSessionAge, clock: clock.source)
    }

    /// A ring with a new primary key `id`, and new older keys.
    static func ring(_ id: UInt8, older: [SessionKey] = []) throws -> KeyRing {
        try KeyRing(primary: SessionKey.generate(id: id), older: older)
    }

    /// Runs `test` against the node.
    func test<Value: Sendable>(_ test: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        try await Self.test(node: node, logs: logs, test)
    }

    /// Runs `test` against the example routes of `node`, with requests addressed to `host`.
    static func test<Value: Sendable>(
        node: ExampleNode, logs: LogRecorder, host: String = Self.host,
        _ test: @Sendable (any TestClientProtocol) async throws -> Value
    ) async throws -> Value {
        try await Self.test(routes: { ExampleRoutes.add(to: $0, node: node) }, logs: logs, host: host, test)
    }

    /// Runs `test` against the routes `routes` adds, with requests addressed to `host`.
    static func test<Value: Sendable>(
        routes: (Router<ExampleContext>) -> Void, logs: LogRecorder, host: String = Self.host,
        _ test: @Sendable (any TestClientProtocol) async throws -> Value
    ) async throws -> Value {
        let router = Router(context: ExampleContext.self)
        // Middleware applies to the routes added after it.
        router.add(middleware: AuthorityMiddleware(authority: host))
        routes(router)
        let app = Application(router: router, logger: logs.logger)
        return try await app.test(.router, test)
    }
}

/// Addresses every request to one host, as a `Host` header does on a real connection (the
/// router test client always says `localhost`).
struct AuthorityMiddleware<Context: RequestContext>: RouterMiddleware {
    let authority: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var head = request.head
        head.authority = authority
        return try await next(Request(head: head, body: request.body), context)
    }
}

extension TestResponse {
    /// Every `Set-Cookie` value.
    var setCookies: [String] { headers[values: .setCookie] }

    /// The `Cookie` field a browser would send after this response: every cookie it set, not
    /// the ones it deleted.
    var cookieField: String {
        setCookies.filter { !$0.contains("Max-Age=0") }.map { $0.prefix { $0 != ";" } }.joined(separator: "; ")
    }

    /// The body as text.
    var text: String { String(buffer: body) }

    /// The body as the example app's reply.
    var reply: NodeReply? { try? JSONDecoder().decode(NodeReply.self, from: Data(body.readableBytesView)) }
}

extension String {
    /// The value of a `name=value` pair or of a `Set-Cookie` line.
    var cookieValue: String { String(prefix { $0 != ";" }.drop { $0 != "=" }.dropFirst()) }
}

extension HTTPFields {
    /// A `Cookie` field.
    static func cookie(_ value: String) -> HTTPFields { [.cookie: value] }
}
#endif
