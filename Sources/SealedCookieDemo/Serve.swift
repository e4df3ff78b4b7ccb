import ArgumentParser
import Foundation
import Hummingbird
import Logging
import SealedCookie
import SealedCookieExampleApp
import SealedCookieExampleStore
import SealedCookieHummingbird

extension SealedCookieDemo {
    /// One node of the example app, for the nginx cluster test and the load test.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run one node of the example app on loopback.",
            discussion: "The key ring comes from the SEALED_COOKIE_KEYS environment variable (see `keygen`); every node of a cluster needs the same ring and root domain.")

        @Option(help: "The node's name, reported in every reply.")
        var node = "a"

        @Option(help: "The loopback port to listen on; 0 picks a free one.")
        var port: Int

        @Option(help: "The root domain the nodes share (the cookie's Domain).")
        var rootDomain = "example.test"

        @Option(help: "The environment variable holding the key ring.")
        var keysVariable = "SEALED_COOKIE_KEYS"

        @Option(help: "The log level: trace, debug, info, notice, warning, error or critical.")
        var logLevel = "info"

        @Option(help: ArgumentHelp(
            "An SQLite file of revocations shared by every node on this machine (its schema created first, as the demo does).",
            discussion: "Without it each node keeps its revocations in its own memory: a logout on one node is unknown to the others.",
            valueName: "path"))
        var revocationSqlite: String?

        @Option(help: "Seconds a node uses a revocation lookup before asking the store again: how long a logout on another node may go unseen.")
        var revocationStaleness = 5.0

        @Option(help: "Seconds a request waits for the revocation store before it is answered as logged out.")
        var revocationTimeout = 0.25

        @Flag(help: "Shut down when standard input closes: the demo holds it open, so its nodes end with it.")
        var exitOnStdinEof = false

        func validate() throws {
            guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
            guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("unknown --log-level \(logLevel)") }
            guard (0...3600).contains(revocationStaleness) else { throw ValidationError("--revocation-staleness must be from 0 to 3600") }
            guard (0.001...60).contains(revocationTimeout) else { throw ValidationError("--revocation-timeout must be from 0.001 to 60") }
        }

        func run() async throws {
            let keyRing = try KeyRing(environmentVariable: keysVariable)
            // Plain HTTP on loopback behind the test's nginx, so no Secure attribute.
            var nodeLogger = Logger(label: "node-\(node)")
            nodeLogger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
            let logger = nodeLogger
            let store: any SessionRevocationStore =
                if let path = revocationSqlite {
                    try await SQLiteRevocationStore.open(at: path, logger: logger)
                } else {
                    InMemorySessionRevocationStore()
                }
            let revocation = SessionRevocationList<ExampleSession>(
                store: store, staleness: .milliseconds(Int(revocationStaleness * 1000)),
                timeout: .milliseconds(Int(revocationTimeout * 1000)),
                onStoreEvent: { logger.warning("revocation store: \($0)") }
            ) { $0.user }
            let example = try ExampleNode(
                name: node, keyRing: keyRing, rootDomain: rootDomain, isSecure: false, revocation: revocation)
            let app = ExampleServer.application(node: example, port: port, logger: logger) { port in
                // On standard output, unbuffered: the demo reads the port from this line.
                FileHandle.standardOutput.write(Data("node \(example.name) listening on 127.0.0.1:\(port)\n".utf8))
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
