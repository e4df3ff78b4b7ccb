import Foundation
import SealedCookie
import Synchronization

/// One example node running as its own process: this binary's `serve` subcommand.
///
/// The key ring goes to the child in its environment (readable only by the same user, unlike the
/// command line that `ps` shows everyone). The child's standard input is a pipe the parent never
/// writes to: `serve --exit-on-stdin-eof` exits when it closes, so a node cannot outlive the demo
/// even when the demo is killed with no chance to clean up.
final class NodeProcess: Sendable {
    struct StartFailure: Error, CustomStringConvertible {
        var description: String
    }

    /// The environment variable the key ring travels in.
    static let keysVariable = "SEALED_COOKIE_KEYS"
    /// What `serve` prints on standard output once it accepts connections, before the port.
    static let listeningPrefix = "listening on 127.0.0.1:"

    let name: String
    let port: Int
    private let process: Process
    private let stdin: Pipe
    private let output: CapturedOutput

    /// Starts `serve --node name` with `arguments` added, and waits until it listens.
    ///
    /// - Throws: ``StartFailure`` with the node's output when it exits or stays silent for
    ///   `timeout` first; Foundation's error when the binary cannot be run.
    static func start(
        name: String, arguments: [String], keys: String, timeout: Duration = .seconds(20)
    ) async throws -> NodeProcess {
        let process = Process()
        process.executableURL = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = ["serve", "--node", name, "--port", "0", "--exit-on-stdin-eof"] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging([keysVariable: keys]) { $1 }
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stdout

        let output = CapturedOutput()
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        stdout.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            guard !data.isEmpty else {
                handle.readabilityHandler = nil
                continuation.finish()  // the node exited
                return
            }
            if let port = listeningPort(in: output.append(data)) { continuation.yield(port) }
        }
        try process.run()

        let port = await withTaskGroup(of: Int?.self) { group in
            group.addTask { await ports.first { _ in true } }
            // The timer is cancelled only after a result was taken, so it cannot win by waking
            // early (the race once in `Deadline`).
            group.addTask {
                try? await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            return await group.next() ?? nil
        }
        let node = NodeProcess(name: name, port: port ?? 0, process: process, stdin: stdin, output: output)
        guard port != nil else {
            await node.stop()
            throw StartFailure(description: "node \(name) did not start listening:\n\(node.capturedOutput)")
        }
        return node
    }

    private init(name: String, port: Int, process: Process, stdin: Pipe, output: CapturedOutput) {
        self.name = name
        self.port = port
        self.process = process
        self.stdin = stdin
        self.output = output
    }

    /// What the node printed so far.
    var capturedOutput: String { output.text }

    var processIdentifier: Int32 { process.processIdentifier }

    /// Stops the node: SIGTERM (a graceful shutdown), then SIGKILL if it is still running after
    /// `grace`; returns once it has exited.
    func stop(grace: Duration = .seconds(3)) async {
        try? stdin.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        await waitForExit(within: grace)
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            await waitForExit(within: grace)
        }
    }

    /// Polls rather than `waitUntilExit()`, which can miss an exit that Foundation has already
    /// seen and then wait forever (seen on Linux with a node that failed to start).
    private func waitForExit(within limit: Duration) async {
        let deadline = ContinuousClock.now + limit
        while process.isRunning && ContinuousClock.now < deadline {
            // Cancelled, the sleep throws at once: give up rather than spin until the deadline.
            do { try await Task.sleep(for: .milliseconds(20)) } catch { return }
        }
    }

    private static func listeningPort(in text: String) -> Int? {
        guard let range = text.range(of: listeningPrefix) else { return nil }
        // Only a whole line: output arrives in chunks, which may end inside the number.
        let rest = text[range.upperBound...]
        let digits = rest.prefix { $0.isNumber }
        guard digits.endIndex < rest.endIndex, rest[digits.endIndex] == "\n" else { return nil }
        return Int(digits)
    }
}

/// What a node printed, kept whole (a node prints a few lines) for the error when it does not start.
private final class CapturedOutput: Sendable {
    private let storage = Mutex("")

    var text: String { storage.withLock { $0 } }

    /// Appends `data` and returns everything so far.
    func append(_ data: Data) -> String {
        storage.withLock { text in
            text += String(decoding: data, as: UTF8.self)
            return text
        }
    }
}
