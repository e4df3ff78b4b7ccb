import Hummingbird
import Logging
import SealedCookieExampleApp
import ServiceLifecycle

/// Runs example nodes in this process on free loopback ports for the length of `body`.
enum ClusterNodes {
    struct StartFailure: Error, CustomStringConvertible {
        var description: String { "the example nodes did not all start listening" }
    }

    /// Starts `nodes`, calls `body` with each node's port by name, then shuts them down gracefully.
    static func run<Result: Sendable>(
        _ nodes: [ExampleNode],
        logger: Logger,
        body: ([String: Int]) async throws -> Result
    ) async throws -> Result {
        let (listening, continuation) = AsyncStream.makeStream(of: (name: String, port: Int).self)
        let services: [any Service] = nodes.map { node in
            ExampleServer.application(node: node, port: 0, logger: logger) { port in
                continuation.yield((node.name, port))
            }
        }
        let serviceGroup = ServiceGroup(configuration: .init(services: services, logger: logger))
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer { continuation.finish() }  // nodes that stop early end the wait below
                try await serviceGroup.run()
            }
            var ports: [String: Int] = [:]
            for await node in listening {
                ports[node.name] = node.port
                if ports.count == nodes.count { break }
            }
            let outcome: Swift.Result<Result, any Error>
            do {
                guard ports.count == nodes.count else { throw StartFailure() }
                outcome = .success(try await body(ports))
            } catch {
                outcome = .failure(error)
            }
            await serviceGroup.triggerGracefulShutdown()
            try await group.waitForAll()
            return try outcome.get()
        }
    }
}
