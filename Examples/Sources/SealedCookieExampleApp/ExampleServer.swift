#if Hummingbird
public import Hummingbird
public import Logging
import NIOCore

/// Runs an ``ExampleNode`` as an HTTP server.
public enum ExampleServer {
    /// The application serving `node`'s routes on `host:port`.
    ///
    /// - Parameters:
    ///   - node: The node to serve.
    ///   - host: The address to listen on; loopback by default.
    ///   - port: The port; 0 picks a free one, reported to `onListening`.
    ///   - logger: The node's logger.
    ///   - onListening: Called with the port once the server accepts connections.
    ///   - addRoutes: Adds routes of the process's own beside the example's, outside the session
    ///     middleware (the demo's node adds `/metrics`, whose backend this module does not link).
    public static func application(
        node: ExampleNode,
        host: String = "127.0.0.1",
        port: Int,
        logger: Logger,
        onListening: @escaping @Sendable (Int) async -> Void = { _ in },
        addRoutes: (Router<ExampleContext>) -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let router = ExampleRoutes.router(for: node)
        addRoutes(router)
        return Application(
            router: router,
            configuration: ApplicationConfiguration(
                address: .hostname(host, port: port), serverName: "node-\(node.name)"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? port) },
            logger: logger)
    }
}
#endif
