/// Runs example nodes as separate processes on free loopback ports for the length of `body`.
enum ClusterNodes {
    /// Starts a node named after each of `names` with the same `keys` and `arguments`, calls
    /// `body` with them, and stops every node that started, whether `body` returns or throws.
    static func run<Result>(
        _ names: [String],
        keys: String,
        arguments: [String],
        body: ([NodeProcess]) async throws -> Result
    ) async throws -> Result {
        // Started together: each node takes most of a second to come up.
        let started = await withTaskGroup(of: Swift.Result<NodeProcess, any Error>.self) { group in
            for name in names {
                group.addTask {
                    do {
                        return .success(try await NodeProcess.start(name: name, arguments: arguments, keys: keys))
                    } catch {
                        return .failure(error)
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        let running = started.compactMap { try? $0.get() }
        let nodes = names.compactMap { name in running.first { $0.name == name } }
        let outcome: Swift.Result<Result, any Error>
        do {
            for case .failure(let error) in started { throw error }
            outcome = .success(try await body(nodes))
        } catch {
            outcome = .failure(error)
        }
        for node in nodes { await node.stop() }
        return try outcome.get()
    }
}
