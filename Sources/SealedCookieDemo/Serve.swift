import ArgumentParser
import Hummingbird
import Logging
import SealedCookie
import SealedCookieExampleApp
import SealedCookieHummingbird

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

        func validate() throws {
            guard (1...65535).contains(port) else { throw ValidationError("--port must be from 1 to 65535") }
            guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("unknown --log-level \(logLevel)") }
        }

        func run() async throws {
            let keyRing = try KeyRing(environmentVariable: keysVariable)
            // Plain HTTP on loopback behind the test's nginx, so no Secure attribute.
            var nodeLogger = Logger(label: "node-\(node)")
            nodeLogger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
            let logger = nodeLogger
            let revocation = SessionRevocationList<ExampleSession>(
                store: InMemorySessionRevocationStore(), onStoreEvent: { logger.warning("revocation store: \($0)") }
            ) { $0.user }
            let example = try ExampleNode(
                name: node, keyRing: keyRing, rootDomain: rootDomain, isSecure: false, revocation: revocation)
            let app = ExampleServer.application(node: example, port: port, logger: logger) { port in
                logger.info("node \(example.name) listening on 127.0.0.1:\(port)")
            }
            try await app.runService()
        }
    }
}
