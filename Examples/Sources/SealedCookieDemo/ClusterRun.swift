import Foundation
import NIOHTTP1
import SealedCookieExampleApp

/// The checks of the nginx cluster test, as one client with a cookie jar sees them.
struct ClusterRun {
    let command: SealedCookieDemo.ClusterClient
    let client: DemoClient
    let checks = Checklist()
    let user = "carol"

    var balancer: Target { Target(name: "nginx", host: command.host, port: command.port) }

    func run() async throws -> Bool {
        let login = try await client.send(.POST, "/login?user=\(user)", to: balancer)
        checks.check(
            login.status == 200 && !login.setCookies.isEmpty, "login through nginx sets the cookie",
            detail: "status \(login.status)")
        print(
            "login: \(login.status) from node \(login.reply?.node ?? "?") (\(framework(of: login.reply?.node))), \(login.setCookies.count) Set-Cookie"
        )

        try await mainRun()
        try await changeIsSeenEverywhere()
        try await changeCrossesFrameworks()
        try await sessionWithinBudget()
        try await sessionPastBudget()

        print("cluster-client: \(checks.passed) passed, \(checks.failed) failed")
        return checks.allPassed
    }

    /// The 300 requests, killing a node half way.
    private func mainRun() async throws {
        let killAt = command.killPid == nil ? nil : command.requests / 2
        var before: [String: Int] = [:]
        var after: [String: Int] = [:]
        var recognised = 0
        var redirects = 0
        var others = 0
        for index in 0..<command.requests {
            if index == killAt, let pid = command.killPid {
                kill(pid, SIGKILL)
                print("killed node \(command.killNode ?? "?") (pid \(pid)) after \(index) requests")
            }
            let exchange = try await client.send(.GET, "/me", to: balancer)
            let node = exchange.reply?.node ?? "?"
            if killAt.map({ index >= $0 }) ?? false {
                after[node, default: 0] += 1
            } else {
                before[node, default: 0] += 1
            }
            if exchange.status == 200 && exchange.reply?.user == user {
                recognised += 1
            } else if exchange.isLoginRedirect {
                redirects += 1
            } else {
                others += 1
            }
            checks.check(
                exchange.status == 200 && exchange.reply?.user == user, "request \(index + 1) recognised \(user)",
                detail: "status \(exchange.status) from node \(node)")
        }
        print(
            "requests: \(command.requests); recognised as \(user): \(recognised); redirects to login: \(redirects); other answers: \(others)"
        )
        print("answered by node before the kill: \(describe(before))")
        if killAt != nil { print("answered by node after the kill:  \(describe(after))") }
        checks.check(Set(command.nodes).isSubset(of: before.keys), "every node answered", detail: describe(before))
        if !command.vaporNodes.isEmpty {
            let frameworks = Set(before.keys.map { framework(of: $0) })
            checks.check(
                frameworks == ["hummingbird", "vapor"], "both frameworks served the session",
                detail: frameworks.sorted().joined(separator: ","))
        }
        if let killed = command.killNode {
            checks.check(after[killed] == nil, "the killed node answered nothing after the kill")
            let survivors = Set(command.nodes).subtracting([killed])
            checks.check(
                survivors.isSubset(of: after.keys), "every surviving node answered after the kill",
                detail: describe(after))
        }
    }

    /// A change made through one node is read through the others.
    private func changeIsSeenEverywhere() async throws {
        let change = try await client.send(.POST, "/cart?item=lamp", to: balancer)
        checks.check(change.status == 200 && !change.setCookies.isEmpty, "a change sends a new cookie")
        var readers: Set<String> = []
        for _ in 0..<6 {
            let read = try await client.send(.GET, "/me", to: balancer)
            checks.check(read.reply?.cart == ["lamp"], "the change is read back", detail: "status \(read.status)")
            readers.insert(read.reply?.node ?? "?")
        }
        checks.check(
            readers.count >= 2, "the change is read on more than one node",
            detail: readers.sorted().joined(separator: ","))
        print("change on node \(change.reply?.node ?? "?") read on nodes \(readers.sorted().joined(separator: ", "))")
    }

    /// With Vapor and Hummingbird nodes behind the balancer: a change made on either framework
    /// is read on the other.
    private func changeCrossesFrameworks() async throws {
        guard !command.vaporNodes.isEmpty else { return }
        var crossings: Set<String> = []
        for attempt in 0..<8 where crossings.count < 2 {
            let item = "mug\(attempt)"
            let change = try await client.send(.POST, "/cart?item=\(item)", to: balancer)
            let writer = framework(of: change.reply?.node)
            // Two reads, then three: round robin then puts the next change on another node,
            // whether three or four nodes are up.
            for _ in 0..<(2 + attempt % 2) {
                let read = try await client.send(.GET, "/me", to: balancer)
                let reader = framework(of: read.reply?.node)
                checks.check(
                    read.status == 200 && read.reply?.cart?.last == item, "a change on \(writer) is read on \(reader)",
                    detail: "status \(read.status) from node \(read.reply?.node ?? "?")")
                if reader != writer { crossings.insert("\(writer) -> \(reader)") }
            }
        }
        let seen = crossings.sorted().joined(separator: ", ")
        checks.check(crossings.count == 2, "changes crossed both ways between the frameworks", detail: seen)
        print("changes read across frameworks: \(seen)")
    }

    private func framework(of node: String?) -> String {
        guard let node else { return "?" }
        return command.vaporNodes.contains(node) ? "vapor" : "hummingbird"
    }

    /// A bigger session that still fits goes through nginx untouched.
    private func sessionWithinBudget() async throws {
        let grow = try await client.send(.POST, "/grow?bytes=\(command.growWithin)", to: balancer)
        let size = grow.setCookies.map(\.utf8.count).max() ?? 0
        checks.check(
            grow.status == 200 && !grow.setCookies.isEmpty,
            "a session of \(command.growWithin) filler characters is stored")
        for _ in 0..<3 {
            let read = try await client.send(.GET, "/me", to: balancer)
            checks.check(
                read.status == 200 && read.reply?.user == user, "the grown session passes nginx",
                detail: "status \(read.status)")
        }
        print(
            "grown session (\(command.growWithin) filler characters): \(grow.status), \(grow.setCookies.count) cookie(s), "
                + "largest Set-Cookie \(size) bytes, read back through nginx")
    }

    /// A session past the budget is refused by the app (500), never sent as a cookie nginx
    /// would answer 400; the previous session stays.
    private func sessionPastBudget() async throws {
        let grow = try await client.send(.POST, "/grow?bytes=\(command.growPast)", to: balancer)
        checks.check(grow.status == 500, "a session past the budget is a 500", detail: "status \(grow.status)")
        checks.check(grow.setCookies.isEmpty, "no cookie is sent for it")
        let read = try await client.send(.GET, "/me", to: balancer)
        checks.check(
            read.status == 200 && read.reply?.user == user, "the previous session still works",
            detail: "status \(read.status)")
        print(
            "session past the budget (\(command.growPast) filler characters): \(grow.status), \(grow.setCookies.count) Set-Cookie; "
                + "next request: \(read.status) as \(read.reply?.user ?? "nobody")")
    }

    private func describe(_ counts: [String: Int]) -> String {
        counts.keys.sorted().map { "\($0)=\(counts[$0] ?? 0)" }.joined(separator: " ")
    }
}
