#if PostgreSQL
import Logging
import PostgresNIO
import SealedCookie
import SealedCookieExampleModel
import SealedCookieExamplePostgres
import SealedCookieLoadRoutes
import SealedCookiePostgres
import SealedCookieVapor
import SealedCookieVaporExample
import Vapor

// One node of the example app on Vapor, for the mixed cluster test and the load test:
//   sealed-cookie-vapor-node --port N [--node NAME] [--root-domain D] [--keys-variable V] [--log-level L]
//     [--revocation-postgres URL] [--revocation-staleness SECONDS] [--dictionary ID:PATH[@TIME]]...
// The key ring comes from the environment variable (SEALED_COOKIE_KEYS by default).
let options: NodeOptions
do {
    options = try NodeOptions(arguments: Array(CommandLine.arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("sealed-cookie-vapor-node: \(error)\n\(NodeOptions.usage)\n".utf8))
    exit(2)
}
let level = options.logLevel
LoggingSystem.bootstrap { label in
    var handler = StreamLogHandler.standardError(label: label)
    handler.logLevel = level
    return handler
}
// Vapor's own command line is not used: the node takes only the options above.
let app = try await Application.make(Environment(name: "production", arguments: [CommandLine.arguments[0]]))
do {
    let client = try options.revocationPostgres.map {
        PostgresClient(configuration: try PostgresURL.configuration($0), backgroundLogger: app.logger)
    }
    let store: any SessionRevocationStore =
        client.map { PostgresSessionRevocationStore(client: $0) } ?? InMemorySessionRevocationStore()
    let keyRing = try KeyRing(environmentVariable: options.keysVariable)
    let dictionaries = try ExampleDictionaries.ring(options: options.dictionaries)
    let node = try VaporExampleNode(
        name: options.node, keyRing: keyRing,
        rootDomain: options.rootDomain, isSecure: false,  // plain HTTP on loopback behind the test's nginx
        revocation: try SessionRevocationList(
            store: store, staleness: options.revocationStaleness, timeout: options.revocationTimeout,
            logger: app.logger
        ) { $0.user },
        dictionaries: dictionaries)
    app.http.server.configuration.hostname = "127.0.0.1"
    app.http.server.configuration.port = options.port
    app.sessions.use(.memory)
    VaporExampleRoutes.add(to: app, node: node)
    MemorySessionRoutes.add(to: app, node: node)
    // scripts/load-test's routes, on the same store and cookie layer as the example's.
    VaporLoadRoutes.add(
        to: app, node: node.name,
        configuration: try LoadSessions.configuration(
            keyRing: keyRing, rootDomain: options.rootDomain, isSecure: false,
            revocation: try SessionRevocationList(
                store: store, staleness: options.revocationStaleness, timeout: options.revocationTimeout,
                logger: app.logger
            ) { $0.user },
            dictionaries: dictionaries))
    app.logger.info("node \(node.name) (Vapor) listening on 127.0.0.1:\(options.port)")
    if let client {
        // The node owns the client: it runs beside the server and stops after it. `execute`
        // returns on SIGTERM with the server still answering, so the server is shut down first: a
        // request it took with the client gone would find the store failing, and refuse a valid
        // session (a logout in every rolling restart; scripts/cluster-test counts them).
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            // One lookup before listening opens the pool's first connection (see the Hummingbird
            // node's `serve`): a restarted node's first requests must not wait for it.
            _ = try? await store.revocationCutoff(for: "warm-up")
            try await app.execute()
            try await app.asyncShutdown()
            group.cancelAll()
        }
    } else {
        try await app.execute()
        try await app.asyncShutdown()
    }
} catch {
    app.logger.critical("\(error)")
    if !app.didShutdown { try await app.asyncShutdown() }
    exit(1)
}
#else
import Foundation

// Stands in for the node in a build without the PostgreSQL trait, which scripts/cluster-test and
// scripts/load-test turn on (`--traits PostgreSQL`).
FileHandle.standardError.write(Data("sealed-cookie-vapor-node: built without the PostgreSQL trait\n".utf8))
exit(2)
#endif
