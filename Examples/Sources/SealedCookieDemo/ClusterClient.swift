import ArgumentParser
import Foundation

extension SealedCookieDemo {
    /// The client of `scripts/cluster-test`: talks to the nodes through nginx only.
    struct ClusterClient: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cluster-client",
            abstract: "Drive the example cluster through a load balancer and check no request loses the session.",
            discussion:
                "Used by scripts/cluster-test; prints counts and 'cluster-client: N passed, M failed', and exits non-zero on any failure."
        )

        @Option(help: "The load balancer's loopback port.")
        var port: Int

        @Option(help: "The Host every request is sent for.")
        var host = "app.example.test"

        @Option(help: "How many session requests to send in the main run.")
        var requests = 300

        @Option(parsing: .upToNextOption, help: "The names of the nodes behind the load balancer.")
        var nodes: [String] = ["a", "b", "c"]

        @Option(parsing: .upToNextOption, help: "Which of --nodes run on Vapor (the others on Hummingbird).")
        var vaporNodes: [String] = []

        @Option(help: "The process id of a node to kill in the middle of the run.")
        var killPid: Int32?

        @Option(help: "The name of the node --kill-pid runs.")
        var killNode: String?

        @Option(help: "Characters of filler that still fit the cookie budget.")
        var growWithin = 2000

        @Option(help: "Characters of filler that do not fit the cookie budget.")
        var growPast = 12000

        func validate() throws {
            guard (1...100_000).contains(requests) else { throw ValidationError("--requests must be from 1 to 100000") }
            guard (killPid == nil) == (killNode == nil) else {
                throw ValidationError("--kill-pid and --kill-node go together")
            }
            guard Set(vaporNodes).isSubset(of: nodes) else {
                throw ValidationError("--vapor-nodes must be among --nodes")
            }
        }

        func run() async throws {
            guard try await ClusterRun(command: self, client: DemoClient()).run() else { throw ExitCode.failure }
        }
    }
}
