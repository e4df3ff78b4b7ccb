import ArgumentParser
import SealedCookie

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
            let arguments = ["--root-domain", rootDomain, "--log-level", "warning"]
            let scenario = DemoScenario(rounds: rounds)

            print("SealedCookie cluster demo: \(names.count) node processes, one key ring, root domain \(rootDomain)\n")
            print("Act 1: no shared store. The nodes share the key ring and nothing else.")
            let sessionCookie = try await ClusterNodes.run(names, keys: keys, arguments: arguments) { nodes in
                let targets = describe(nodes)
                return try await scenario.withoutSharedStore(targets)
            }

            print("\n5. Size of the session cookie (the last one set, with the cart)")
            let report = CookieSizeReport(setCookieLine: sessionCookie)
            print(report.lines.map { "   " + $0 }.joined(separator: "\n"))

            print("\n\(scenario.checks.summary)")
            guard scenario.checks.allPassed else { throw ExitCode.failure }
        }

        /// Prints where each node listens and returns it as a target.
        private func describe(_ nodes: [NodeProcess]) -> [Target] {
            nodes.map { node in
                let target = Target(name: node.name, host: "\(node.name).\(rootDomain)", port: node.port)
                print("   node \(node.name): process \(node.processIdentifier), 127.0.0.1:\(node.port), requests sent as Host: \(target.host)")
                return target
            }
        }
    }
}
