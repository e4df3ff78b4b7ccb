import NIOHTTP1
import SealedCookieExampleApp
import Foundation
import SealedCookieExampleApp

/// The demo's story, as a client of three nodes: log in on one, be recognised by all, change the
/// session on one and read it on another, log out and be refused by all, then the cookie's size.
struct DemoScenario {
    let targets: [Target]
    let rounds: Int
    let client = DemoClient()
    let checks = Checklist()

    /// Runs the story, printing each step; returns whether every check passed.
    func run() async throws -> Bool {
        let outcome: Result<Bool, any Error>
        do {
            outcome = .success(try await story())
        } catch {
            outcome = .failure(error)
        }
        try await client.shutdown()
        return try outcome.get()
    }

    private func story() async throws -> Bool {
        let first = targets[0], second = targets[1 % targets.count], third = targets[2 % targets.count]

        print("1. Log in as alice on node \(first.name)")
        let login = try await client.send(.POST, "/login?user=alice", to: first)
        checks.check(login.status == 200 && !login.setCookies.isEmpty, "login sets the session cookie", detail: "status \(login.status)")
        for line in login.setCookies { print("   Set-Cookie: \(abbreviated(line))") }

        print("\n2. \(rounds) requests, round robin over every node, with the cookie from node \(first.name)")
        for index in 0..<rounds {
            let target = targets[index % targets.count]
            let exchange = try await client.send(.GET, "/me", to: target)
            let recognised = exchange.status == 200 && exchange.reply?.user == "alice"
            checks.check(recognised, "node \(target.name) recognises alice", detail: "status \(exchange.status)")
            print("   GET http://\(target.host)/me -> \(exchange.status), answered by node \(exchange.reply?.node ?? "?"): "
                + (recognised ? "recognised alice" : "NOT recognised"))
        }

        print("\n3. Change the session on node \(second.name), read the change on node \(third.name)")
        let change = try await client.send(.POST, "/cart?item=teapot", to: second)
        checks.check(change.status == 200 && !change.setCookies.isEmpty, "the change sends a new cookie")
        print("   POST http://\(second.host)/cart?item=teapot -> \(change.status), node \(change.reply?.node ?? "?") "
            + "put a teapot in the cart (\(change.setCookies.count) new Set-Cookie)")
        let sessionCookie = change.setCookies.first ?? login.setCookies.first ?? ""
        let read = try await client.send(.GET, "/me", to: third)
        checks.check(read.reply?.cart == ["teapot"], "node \(third.name) reads the change")
        print("   GET http://\(third.host)/me -> \(read.status), node \(read.reply?.node ?? "?") sees cart "
            + "\(read.reply?.cart ?? []) (\(read.setCookies.count) Set-Cookie: unchanged session, nothing to send)")

        print("\n4. Log out on node \(third.name); every node refuses the session afterwards")
        let copied = client.jar.cookieField(host: first.host, path: "/")
        let logout = try await client.send(.POST, "/logout", to: third)
        let deletion = logout.setCookies.first ?? ""
        checks.check(logout.status == 200 && deletion.contains("Max-Age=0"), "logout deletes the cookie")
        print("   POST http://\(third.host)/logout -> \(logout.status), Set-Cookie: \(deletion)")
        checks.check(client.jar.value(named: ExampleNode.cookieName) == nil, "the jar dropped the cookie")
        for target in targets {
            let exchange = try await client.send(.GET, "/me", to: target)
            checks.check(exchange.isLoginRedirect, "node \(target.name) redirects to /login")
            print("   GET http://\(target.host)/me with the jar -> \(exchange.status) to \(exchange.location ?? "-") (node \(target.name))")
        }
        for target in targets {
            let exchange = try await client.send(.GET, "/me", to: target, cookieField: copied)
            checks.check(exchange.isLoginRedirect, "node \(target.name) refuses the copied cookie")
            print("   GET http://\(target.host)/me replaying a copy of the cookie taken before logout -> "
                + "\(exchange.status) to \(exchange.location ?? "-") (revoked)")
        }

        print("\n5. Size of the session cookie (the last one set, with the cart)")
        let report = CookieSizeReport(setCookieLine: sessionCookie)
        print(report.lines.map { "   " + $0 }.joined(separator: "\n"))

        print("\n\(checks.passed) checks passed, \(checks.failed) failed")
        return checks.allPassed
    }

    private func abbreviated(_ line: String) -> String {
        guard let equals = line.firstIndex(of: "="), let semicolon = line.firstIndex(of: ";") else { return line }
        let value = line[line.index(after: equals)..<semicolon]
        guard value.count > 24 else { return line }
        return "\(line[...equals])\(value.prefix(12))…\(value.suffix(8))\(line[semicolon...])"
    }
}
