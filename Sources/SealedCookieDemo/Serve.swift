import ArgumentParser
import Hummingbird
import Logging
import PostgresNIO
import SealedCookie
import SealedCookieExampleApp
import SealedCookieHummingbird
import SealedCookiePostgres

extension SealedCookieDemo {
    /// One node of the example app, for the nginx cluster test and the load test.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run one node of the example app on loopback.",
            discussion: "The key ring comes from the SEALED_COOKIE_KEYS environment variable (see `keygen`); every node of a cluster needs the same ring and root domain.")

        @Option(help: "The node's name, reported in every reply.")
        var node = "a"

        @Option(help: "The loopback port to listen on.")
        var port: Int

        @Option(help: "The root domain the nodes share (the cookie's Domain).")
        var rootDomain = "example.test"

        @Option(help: "The environment variable holding the key ring.")
        var keysVariable = "SEALED_COOKIE_KEYS"

        @Option(help: "The log level: trace, debug, info, notice, warning, error or critical.")
        var logLevel = "info"

        @Option(help: "Keep revocations in this PostgreSQL database (postgres://user@host:port/database), shared by every node, instead of in this process.")
        var revocationPostgres: String?

        @Option(help: "How long, in seconds, a node answers from its revocation cache.")
        var revocationStaleness = 5.0

        @Flag(help: "Create the revocation table first (idempotent; once per cluster, before the other nodes start).")
        var migrateRevocations = false

        func validate() throws {
            guard (1...65535).contains(port) else { throw ValidationError("--port must be from 1 to 65535") }
            guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("unknown --log-level \(logLevel)") }
            guard (0.001...3600).contains(revocationStaleness) else {
                throw ValidationError("--revocation-staleness must be from 0.001 to 3600 seconds")
            }
        }

        func run() async throws {
            let keyRing = try KeyRing(environmentVariable: keysVariable)
            // Plain HTTP on loopback behind the test's nginx, so no Secure attribute.
            var nodeLogger = Logger(label: "node-\(node)")
            nodeLogger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
            let logger = nodeLogger
            let client = try revocationPostgres.map {
                PostgresClient(configuration: try PostgresURL.configuration($0), backgroundLogger: logger)
            }
            let store: any SessionRevocationStore =
                client.map { PostgresSessionRevocationStore(client: $0) } ?? InMemorySessionRevocationStore()
            let revocation = SessionRevocationList<ExampleSession>(
                store: store, staleness: .milliseconds(Int64(revocationStaleness * 1000)),
                onStoreEvent: { logger.warning("\($0)") }
            ) { $0.user }
            let example = try ExampleNode(
                name: node, keyRing: keyRing, rootDomain: rootDomain, isSecure: false, revocation: revocation)
            let app = ExampleServer.application(node: example, port: port, logger: logger) { port in
                logger.info("node \(example.name) listening on 127.0.0.1:\(port)")
            }
            guard let client else { return try await app.runService() }
            // The node owns the client: it runs beside the server and stops with it.
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await client.run() }
                if migrateRevocations { try await PostgresSessionRevocationStore(client: client).migrate() }
                try await app.runService()
                group.cancelAll()
            }
        }
    }
}
