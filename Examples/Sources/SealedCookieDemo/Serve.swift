import ArgumentParser
import Foundation
import Hummingbird
import Logging
import Prometheus
import SealedCookie
import SealedCookieExampleApp
import SealedCookieExampleModel
import SealedCookieExampleStore
import SealedCookieHummingbird

// PostgreSQL only with its trait: the demo is built without it, so its first run compiles
// neither postgres-nio nor the TLS and crypto libraries postgres-nio needs.
#if PostgreSQL
import PostgresNIO
import SealedCookieExamplePostgres
import SealedCookieLoadRoutes
import SealedCookiePostgres
#endif

extension SealedCookieDemo {
    /// One node of the example app: the demo's nodes, and those of the nginx cluster test and the
    /// load test.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run one node of the example app on loopback.",
            discussion:
                "The key ring comes from the SEALED_COOKIE_KEYS environment variable (see `keygen`); every node of a cluster needs the same ring and root domain."
        )

        @Option(help: "The node's name, reported in every reply.")
        var node = "a"

        @Option(help: "The loopback port to listen on; 0 picks a free one.")
        var port: Int

        @Option(help: "The root domain the nodes share (the cookie's Domain).")
        var rootDomain = "example.test"

        @Option(help: "The environment variable holding the key ring.")
        var keysVariable = "SEALED_COOKIE_KEYS"

        @Option(
            name: .customLong("dictionary"),
            help: ArgumentHelp(
                "A zstd dictionary: its id, its file and optionally when it starts compressing (repeat for a ring).",
                discussion:
                    "As a key ring entry is staged: before its time (RFC 3339 in UTC, 2026-12-10T00:00:00Z) the dictionary only decompresses. Without this option the node compresses with the built-in generic dictionary, the codec's default.",
                valueName: "ID:PATH[@TIME]"))
        var dictionaries: [String] = []

        @Option(help: "The log level: trace, debug, info, notice, warning, error or critical.")
        var logLevel = "info"

        @Option(
            help: ArgumentHelp(
                "Keep revocations in this SQLite file, shared by every node on this machine (its schema created first, as the demo does).",
                discussion:
                    "Without a shared store each node keeps its revocations in its own memory: a logout on one node is unknown to the others.",
                valueName: "path"))
        var revocationSqlite: String?

        #if PostgreSQL
        @Option(
            help:
                "Keep revocations in this PostgreSQL database (postgres://user@host:port/database), shared by every node, instead of in this process."
        )
        var revocationPostgres: String?

        @Flag(
            help: "Create the revocation table first (idempotent; once per cluster, before the other nodes start).")
        var migrateRevocations = false
        #endif

        @Option(
            help:
                "How long, in seconds, a node answers from its revocation cache: how long a logout on another node may go unseen."
        )
        var revocationStaleness = 5.0

        @Option(
            help: "How long, in seconds, a request waits for the revocation store before it is answered as logged out.")
        var revocationTimeout = 0.25

        @Flag(help: "Shut down when standard input closes: the demo holds it open, so its nodes end with it.")
        var exitOnStdinEof = false

        func validate() throws {
            guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
            guard Logger.Level(rawValue: logLevel) != nil else {
                throw ValidationError("unknown --log-level \(logLevel)")
            }
            guard (0.001...3600).contains(revocationStaleness) else {
                throw ValidationError("--revocation-staleness must be from 0.001 to 3600 seconds")
            }
            guard (0.001...60).contains(revocationTimeout) else {
                throw ValidationError("--revocation-timeout must be from 0.001 to 60 seconds")
            }
            #if PostgreSQL
            guard revocationSqlite == nil || revocationPostgres == nil else {
                throw ValidationError("--revocation-sqlite and --revocation-postgres exclude each other")
            }
            #endif
        }

        func run() async throws {
            // First: the revocation list and the session configuration below make their metrics
            // from the factory bootstrapped when they are made.
            let registry = MetricsRoute.bootstrap()
            var nodeLogger = Logger(label: "node-\(node)")
            nodeLogger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
            let logger = nodeLogger
            #if PostgreSQL
            if let url = revocationPostgres {
                let client = PostgresClient(
                    configuration: try PostgresURL.configuration(url), backgroundLogger: logger)
                // The node owns the client: it runs beside the server and stops with it.
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask { await client.run() }
                    let store = PostgresSessionRevocationStore(client: client)
                    if migrateRevocations { try await store.migrate() }
                    // One lookup before listening opens the pool's first connection: otherwise the
                    // first requests of a restarted node wait for it past the lookup timeout and
                    // refuse valid sessions (logouts in a rolling restart). Unreachable now, the
                    // node starts anyway and reports the outage on the first request.
                    _ = try? await store.revocationCutoff(for: "warm-up")
                    try await serve(revocationStore: store, registry: registry, logger: logger)
                    group.cancelAll()
                }
                return
            }
            #endif
            let store: any SessionRevocationStore =
                if let path = revocationSqlite {
                    try await SQLiteRevocationStore.open(at: path, logger: logger)
                } else {
                    InMemorySessionRevocationStore()
                }
            try await serve(revocationStore: store, registry: registry, logger: logger)
        }

        private func serve(
            revocationStore store: any SessionRevocationStore, registry: PrometheusCollectorRegistry, logger: Logger
        ) async throws {
            let keyRing = try KeyRing(environmentVariable: keysVariable)
            let dictionaryRing = try ExampleDictionaries.ring(options: dictionaries)
            // The options' seconds as Durations, once for both lists (the example's and the load routes').
            let staleness = Duration.milliseconds(Int64(revocationStaleness * 1000))
            let timeout = Duration.milliseconds(Int64(revocationTimeout * 1000))
            let revocation = try SessionRevocationList<ExampleSession>(
                store: store, staleness: staleness, timeout: timeout, logger: logger
            ) { $0.user }
            // Plain HTTP on loopback (behind the test's nginx, or the demo's client): no Secure attribute.
            let example = try ExampleNode(
                name: node, keyRing: keyRing, rootDomain: rootDomain, isSecure: false, revocation: revocation,
                dictionaries: dictionaryRing)
            #if PostgreSQL
            // scripts/load-test's routes, on the same store and cookie layer as the example's.
            let loadSessions = try LoadSessions.configuration(
                keyRing: keyRing, rootDomain: rootDomain, isSecure: false,
                revocation: try SessionRevocationList<LoadSession>(
                    store: store, staleness: staleness, timeout: timeout, logger: logger
                ) { $0.user },
                dictionaries: dictionaryRing)
            #endif
            let app = ExampleServer.application(node: example, port: port, logger: logger) { port in
                // On standard output, unbuffered: the demo reads the port from this line.
                FileHandle.standardOutput.write(Data("node \(example.name) listening on 127.0.0.1:\(port)\n".utf8))
            } addRoutes: { router in
                MetricsRoute.add(to: router, registry: registry)
                #if PostgreSQL
                LoadRoutes.add(to: router, node: example.name, configuration: loadSessions)
                #endif
            }
            if exitOnStdinEof { Self.shutDownWhenStdinCloses() }
            try await app.runService()
        }

        /// Sends this process SIGTERM, which `runService` answers with a graceful shutdown, once
        /// standard input reaches its end: the parent exited, however it ended.
        private static func shutDownWhenStdinCloses() {
            Thread.detachNewThread {
                _ = FileHandle.standardInput.readDataToEndOfFile()
                kill(getpid(), SIGTERM)
            }
        }
    }
}
