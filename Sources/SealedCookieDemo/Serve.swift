import ArgumentParser
import Foundation
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

        @Option(help: "The loopback port to listen on; 0 picks a free one.")
        var port: Int

        @Option(help: "The root domain the nodes share (the cookie's Domain).")
        var rootDomain = "example.test"

        @Option(help: "The environment variable holding the key ring.")
        var keysVariable = "SEALED_COOKIE_KEYS"

        @Option(help: "The log level: trace, debug, info, notice, warning, error or critical.")
        var logLevel = "info"

        @Flag(help: "Shut down when standard input closes: the demo holds it open, so its nodes end with it.")
        var exitOnStdinEof = false

        func validate() throws {
            guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
            guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("unknown --log-level \(logLevel)") }
        }

        func run() async throws {
            let keyRing = try KeyRing(environmentVariable: keysVariable)
            // Plain HTTP on loopback behind the test's nginx, so no Secure attribute.
            let example = try ExampleNode(
                name: node, keyRing: keyRing, rootDomain: rootDomain, isSecure: false,
                revocation: InMemorySessionRevocation { $0.user })
            var nodeLogger = Logger(label: "node-\(node)")
            nodeLogger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
            let logger = nodeLogger
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
