import ArgumentParser

/// The package's demo and test tool: the cluster demo, one node of the example app, a key
/// generator, and the client of the nginx cluster test.
@main
struct SealedCookieDemo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sealed-cookie-demo",
        abstract: "Sessions in sealed cookies, shared by a cluster with no session store.",
        subcommands: [Demo.self, Serve.self, Keygen.self, ClusterClient.self, RollingClient.self],
        defaultSubcommand: Demo.self)
}
