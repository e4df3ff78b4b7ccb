import ArgumentParser
import Foundation
import NIOHTTP1
import SealedCookie
import SealedCookieExampleModel

extension SealedCookieDemo {
    /// The client of the cluster test's rolling rotations: logged-in users who keep making
    /// requests through the load balancer while the script restarts the nodes behind it.
    struct RollingClient: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rolling-client",
            abstract: "Keep sessions alive through a load balancer until told to stop, counting logouts.",
            discussion: """
                Used by scripts/cluster-test during rolling key and dictionary rotations. Each session \
                logs in, then sends GET /me in a loop; an answer that is a redirect to /login or another \
                user is a logout (the session logs in again and goes on). Every 100 ms the status file \
                says the counts and which key and dictionary ids the sessions' cookies carry now. Once \
                the stop file exists, prints 'rolling-client: N requests, K logouts, E errors' and exits.
                """)

        @Option(help: "The load balancer's loopback port.")
        var port: Int

        @Option(help: "The Host every request is sent for.")
        var host = "app.example.test"

        @Option(help: "How many sessions to keep alive at once.")
        var sessions = 8

        @Option(help: "The users are named PREFIX-1, PREFIX-2, … (fresh names keep clear of earlier revocations).")
        var userPrefix = "rolling"

        @Option(help: "Where to write the status, replaced every 100 ms.")
        var statusFile: String

        @Option(help: "Stop once this file exists.")
        var stopFile: String

        func validate() throws {
            guard (1...256).contains(sessions) else { throw ValidationError("--sessions must be from 1 to 256") }
        }

        func run() async throws {
            let tally = RollingTally(sessions: sessions)
            let balancer = Target(name: "nginx", host: host, port: port)
            await withTaskGroup(of: Void.self) { group in
                for index in 0..<sessions {
                    group.addTask {
                        await keepAlive(
                            index: index, user: "\(userPrefix)-\(index + 1)", balancer: balancer, tally: tally)
                    }
                }
                group.addTask {
                    while !stopRequested {
                        writeStatus(await tally.status)
                        try? await Task.sleep(for: .milliseconds(100))
                    }
                }
            }
            writeStatus(await tally.status)
            print("rolling-client: \(await tally.summary)")
        }

        private var stopRequested: Bool { FileManager.default.fileExists(atPath: stopFile) }

        /// One user: logs in, then asks who it is until the stop file appears.
        private func keepAlive(index: Int, user: String, balancer: Target, tally: RollingTally) async {
            let client = DemoClient()
            var isLoggedIn = false
            while !stopRequested {
                do {
                    if !isLoggedIn {
                        let login = try await client.send(.POST, "/login?user=\(user)", to: balancer)
                        isLoggedIn = login.status == 200 && login.reply?.user == user
                        if !isLoggedIn { await tally.countError() }
                        continue
                    }
                    let cookieBefore = client.jar.value(named: ExampleCookies.cookieName).map(
                        RollingTally.describe(cookie:))
                    let exchange = try await client.send(.GET, "/me", to: balancer)
                    if exchange.status == 200 && exchange.reply?.user == user {
                        await tally.countRequest(
                            session: index, cookie: client.jar.value(named: ExampleCookies.cookieName))
                    } else if exchange.isLoginRedirect || exchange.status == 200 {
                        if await tally.countLogout() <= 5 {
                            // The first few in detail, for a failing run's log.
                            FileHandle.standardError.write(
                                Data(
                                    "logout: \(user) answered \(exchange.status) by node \(exchange.reply?.node ?? "?") (user \(exchange.reply?.user ?? "none"), location \(exchange.location ?? "none")), its cookie was \(cookieBefore ?? "none")\n"
                                        .utf8))
                        }
                        isLoggedIn = false
                    } else {
                        await tally.countError()
                    }
                } catch {
                    await tally.countError()
                }
            }
        }

        private func writeStatus(_ text: String) {
            try? Data(text.utf8).write(to: URL(fileURLWithPath: statusFile), options: .atomic)
        }
    }
}

/// What the sessions of a rolling client saw, shared by their tasks.
actor RollingTally {
    private var requests = 0
    private var logouts = 0
    private var errors = 0
    /// Each session's cookie after its last recognised request: which key sealed it, and which
    /// dictionary compressed it (nil when it was not compressed with one).
    private var current: [(keyID: UInt8, dictionaryID: UInt8?)?]
    /// The earliest issue time seen per key id and per dictionary id, in Unix seconds: the
    /// script checks that a staged one sealed nothing before its activation.
    private var firstKeyUse: [UInt8: Int] = [:]
    private var firstDictionaryUse: [UInt8: Int] = [:]

    init(sessions: Int) {
        current = Array(repeating: nil, count: sessions)
    }

    /// A request answered as the session's user, with the cookie the session holds after it.
    func countRequest(session: Int, cookie: String?) {
        requests += 1
        guard let cookie, let header = try? EnvelopeHeader(sealedValue: cookie) else {
            current[session] = nil
            return
        }
        let issued = Int(header.issuedAt.timeIntervalSince1970)
        var dictionaryID: UInt8?
        if case .zstd(let id) = header.compression {
            dictionaryID = id
            firstDictionaryUse[id] = min(firstDictionaryUse[id] ?? issued, issued)
        }
        firstKeyUse[header.keyID] = min(firstKeyUse[header.keyID] ?? issued, issued)
        current[session] = (header.keyID, dictionaryID)
    }

    /// An answer that was a redirect to the login page or another user; returns the count so far.
    func countLogout() -> Int {
        requests += 1
        logouts += 1
        return logouts
    }

    /// A cookie's key and dictionary ids, as a log line shows them.
    nonisolated static func describe(cookie: String) -> String {
        guard let header = try? EnvelopeHeader(sealedValue: cookie) else { return "unreadable" }
        switch header.compression {
        case .zstd(let id): return "key \(header.keyID), dictionary \(id)"
        case .zstdBuiltIn(let id): return "key \(header.keyID), built-in dictionary \(id)"
        case .none, .deflate: return "key \(header.keyID), no dictionary"
        }
    }

    /// A failed request, or an answer that was neither the user nor a logout.
    func countError() {
        requests += 1
        errors += 1
    }

    var summary: String { "\(requests) requests, \(logouts) logouts, \(errors) errors" }

    /// Lines the script greps: `requests N`, `logouts N`, `errors N`, `keys ID…` and
    /// `dictionaries ID…` (what the sessions' cookies carry now; `unknown` for a session without
    /// a readable cookie, `none` for one not compressed with a dictionary), and `first-key ID
    /// SECONDS` and `first-dictionary ID SECONDS` (the earliest issue time seen).
    var status: String {
        let keys = Set(current.map { $0.map { String($0.keyID) } ?? "unknown" }).sorted()
        let dictionaries = Set(current.map { $0.map { $0.dictionaryID.map(String.init) ?? "none" } ?? "unknown" })
            .sorted()
        var lines = [
            "requests \(requests)", "logouts \(logouts)", "errors \(errors)",
            "keys \(keys.joined(separator: " "))", "dictionaries \(dictionaries.joined(separator: " "))",
        ]
        lines += current.enumerated().map { index, ids in
            "session \(index + 1) "
                + (ids.map { "key \($0.keyID) dictionary \($0.dictionaryID.map(String.init) ?? "none")" } ?? "unknown")
        }
        lines += firstKeyUse.sorted { $0.key < $1.key }.map { "first-key \($0.key) \($0.value)" }
        lines += firstDictionaryUse.sorted { $0.key < $1.key }.map { "first-dictionary \($0.key) \($0.value)" }
        return lines.joined(separator: "\n") + "\n"
    }
}
