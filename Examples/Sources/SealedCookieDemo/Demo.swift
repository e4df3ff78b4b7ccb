import ArgumentParser
import Foundation
import Logging
import SealedCookie
import SealedCookieExampleStore

extension SealedCookieDemo {
    /// Three node processes on loopback and a client that acts as a browser, in two acts: no
    /// shared store, then a shared revocation store.
    struct Demo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start three node processes on loopback and show one session served by all of them.")

        @Option(help: "The root domain the nodes share; each node is <name>.<root domain>.")
        var rootDomain = "example.test"

        @Option(help: "How many requests to spread round robin over the nodes.")
        var rounds = 6

        func validate() throws {
            guard (1...1000).contains(rounds) else { throw ValidationError("--rounds must be from 1 to 1000") }
        }

        func run() async throws {
            let keys = "1:\(try SessionKey.generate(id: 1).exportBase64URL())"
            let names = ["a", "b", "c"]
            // A generous store timeout: on a machine busy compiling, a node just started can take
            // longer than the default quarter second to answer even from memory, and would then
            // answer as logged out.
            let arguments = ["--root-domain", rootDomain, "--log-level", "warning", "--revocation-timeout", "5"]
            let scenario = DemoScenario(rounds: rounds)

            print("SealedCookie cluster demo: \(names.count) node processes, one key ring, root domain \(rootDomain)\n")
            print(
                "Act 1: no shared store. The nodes share the key ring and nothing else; each keeps its revocations in its own memory."
            )
            let sessionCookie = try await ClusterNodes.run(names, keys: keys, arguments: arguments) { nodes in
                defer { printOutputAfterAFailure(of: nodes, checks: scenario.checks) }
                return try await scenario.withoutSharedStore(describe(nodes))
            }

            print("\nAct 2: a shared revocation store, an SQLite file that every node process on this machine opens.")
            let staleness = Duration.seconds(1)
            try await withStoreDirectory { directory in
                let database = directory.appendingPathComponent("revocations.sqlite").path
                // The migration, explicitly, before any node opens the file.
                try await SQLiteRevocationStore.createSchema(at: database, logger: Logger(label: "sealed-cookie-demo"))
                print("   store: \(database) (WAL mode, created by the demo before the nodes start)")
                let storeArguments = [
                    "--revocation-sqlite", database, "--revocation-staleness", "\(staleness.components.seconds)",
                ]
                try await ClusterNodes.run(names, keys: keys, arguments: arguments + storeArguments) { nodes in
                    defer { printOutputAfterAFailure(of: nodes, checks: scenario.checks) }
                    let targets = describe(nodes)
                    try await scenario.withSharedStore(targets, store: "the SQLite file", staleness: staleness)
                    print()
                    try await scenario.metrics(on: targets[0])
                }
            }

            print("\n8. Size of the session cookie (the last one set in act 1, with the cart)")
            let report = CookieSizeReport(setCookieLine: sessionCookie)
            print(report.lines.map { "   " + $0 }.joined(separator: "\n"))

            print("\nWhat each setup guarantees after a logout:")
            let guarantees = [
                (
                    "no shared store (act 1)",
                    "the browser's cookie is deleted; a copy opens on every other node until it expires"
                ),
                (
                    "SQLite file, one machine (act 2)",
                    "every node process refuses the copy within its staleness window (\(staleness) here)"
                ),
                (
                    "PostgreSQL, several machines",
                    "the same across machines, with PostgresSessionRevocationStore (SealedCookiePostgres)"
                ),
            ]
            for (setup, guarantee) in guarantees {
                print("   \((setup + ":").padding(toLength: 34, withPad: " ", startingAt: 0)) \(guarantee)")
            }

            print("\n\(scenario.checks.summary)")
            guard scenario.checks.allPassed else { throw ExitCode.failure }
        }

        /// Runs `body` with a new directory only this user can enter, removed afterwards.
        private func withStoreDirectory(_ body: (URL) async throws -> Void) async throws {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
                "sealed-cookie-demo-\(UUID().uuidString)")
            try FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            let outcome: Result<Void, any Error>
            do {
                outcome = .success(try await body(directory))
            } catch {
                outcome = .failure(error)
            }
            try? FileManager.default.removeItem(at: directory)
            try outcome.get()
        }

        /// Prints where each node listens and returns it as a target.
        private func describe(_ nodes: [NodeProcess]) -> [Target] {
            nodes.map { node in
                let target = Target(name: node.name, host: "\(node.name).\(rootDomain)", port: node.port)
                print(
                    "   node \(node.name): process \(node.processIdentifier), 127.0.0.1:\(node.port), requests sent as Host: \(target.host)"
                )
                return target
            }
        }

        /// Each node's own output (its warnings), once a check of the act has failed: the node's
        /// side of what went wrong.
        private func printOutputAfterAFailure(of nodes: [NodeProcess], checks: Checklist) {
            guard !checks.allPassed else { return }
            for node in nodes {
                print("   output of node \(node.name):")
                print(node.capturedOutput.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n"))
            }
        }
    }
}
