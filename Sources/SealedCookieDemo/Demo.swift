import ArgumentParser
import Logging
import SealedCookie
import SealedCookieExampleApp
import SealedCookieHummingbird

extension SealedCookieDemo {
    /// Three nodes in this process and a client that goes round robin over them.
    struct Demo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start three nodes on loopback and show one session served by all of them.")

        @Option(help: "The root domain the nodes share; each node is <name>.<root domain>.")
        var rootDomain = "example.test"

        @Option(help: "How many requests to spread round robin over the nodes.")
        var rounds = 6

        func validate() throws {
            guard (1...1000).contains(rounds) else { throw ValidationError("--rounds must be from 1 to 1000") }
        }

        func run() async throws {
            let keyRing = try KeyRing(primary: SessionKey.generate(id: 1))
            // In one process the nodes can share one list; in a cluster each node has its own list
            // over the shared store.
            let revocation = SessionRevocationList<ExampleSession>(store: InMemorySessionRevocationStore()) { $0.user }
            let names = ["a", "b", "c"]
            let nodes = try names.map { name in
                // Plain HTTP on loopback, so no Secure attribute; production keeps it.
                try ExampleNode(name: name, keyRing: keyRing, rootDomain: rootDomain, isSecure: false, revocation: revocation)
            }
            let logger = {
                var logger = Logger(label: "sealed-cookie-demo")
                logger.logLevel = .error
                return logger
            }()

            let passed = try await ClusterNodes.run(nodes, logger: logger) { ports in
                let targets = names.compactMap { name in
                    ports[name].map { Target(name: name, host: "\(name).\(rootDomain)", port: $0) }
                }
                print("SealedCookie cluster demo: \(nodes.count) nodes, one key ring, root domain \(rootDomain), no session store")
                for target in targets {
                    print("   node \(target.name): 127.0.0.1:\(target.port), requests sent as Host: \(target.host)")
                }
                print("")
                return try await DemoScenario(targets: targets, rounds: rounds).run()
            }
            guard passed else { throw ExitCode.failure }
        }
    }
}
