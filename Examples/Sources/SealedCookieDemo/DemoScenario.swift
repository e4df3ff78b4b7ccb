import Foundation
import NIOCore
import NIOHTTP1
import SealedCookieExampleApp
import SealedCookieExampleModel

/// The demo's story, as a browser talking to node processes: log in on one, be recognised by
/// all, change the session on one and read it on another, then log out and see what a copy of
/// the cookie taken before logout can still do, first with no shared store, then with one.
struct DemoScenario {
    let rounds: Int
    let client = DemoClient()
    let checks = Checklist()

    /// Act 1, on nodes that share nothing but the key ring: steps 1 to 4. Returns the session's
    /// last `Set-Cookie` line, for the size report.
    func withoutSharedStore(_ targets: [Target]) async throws -> String {
        let first = targets[0]
        let second = targets[1 % targets.count]
        let third = targets[2 % targets.count]

        print("1. Log in as alice on node \(first.name)")
        let login = try await logIn(on: first)
        for line in login.setCookies { print("   Set-Cookie: \(abbreviated(line))") }

        print("\n2. \(rounds) requests, round robin over every node, with the cookie from node \(first.name)")
        for index in 0..<rounds {
            let target = targets[index % targets.count]
            let exchange = try await client.send(.GET, "/me", to: target)
            let recognised = exchange.status == 200 && exchange.reply?.user == "alice"
            checks.check(recognised, "node \(target.name) recognises alice", detail: "status \(exchange.status)")
            print(
                "   GET http://\(target.host)/me -> \(exchange.status), answered by node \(exchange.reply?.node ?? "?"): "
                    + (recognised ? "recognised alice" : "NOT recognised"))
        }

        print("\n3. Change the session on node \(second.name), read the change on node \(third.name)")
        let change = try await client.send(.POST, "/cart?item=teapot", to: second)
        checks.check(change.status == 200 && !change.setCookies.isEmpty, "the change sends a new cookie")
        print(
            "   POST http://\(second.host)/cart?item=teapot -> \(change.status), node \(change.reply?.node ?? "?") "
                + "put a teapot in the cart (\(change.setCookies.count) new Set-Cookie)")
        let read = try await client.send(.GET, "/me", to: third)
        checks.check(read.reply?.cart == ["teapot"], "node \(third.name) reads the change")
        print(
            "   GET http://\(third.host)/me -> \(read.status), node \(read.reply?.node ?? "?") sees cart "
                + "\(read.reply?.cart ?? []) (\(read.setCookies.count) Set-Cookie: unchanged session, nothing to send)")

        print(
            "\n4. Copy the cookie, then log out on node \(third.name): the browser's cookie is deleted, the copy is not"
        )
        let copied = try await logOut(on: third, targets: targets)
        var openedBy: [String] = []
        for target in targets {
            let exchange = try await client.send(.GET, "/me", to: target, cookieField: copied)
            let opened = exchange.status == 200 && exchange.reply?.user == "alice"
            if opened { openedBy.append(target.name) }
            if target.name == third.name {
                // The node that served the logout revoked alice in its own memory, and only there.
                checks.check(exchange.isLoginRedirect, "node \(target.name), which served the logout, refuses the copy")
                print(
                    "   GET http://\(target.host)/me with the copy -> \(exchange.status) to \(exchange.location ?? "-") "
                        + "(node \(target.name) remembers the logout, in its own memory only)")
            } else {
                checks.check(
                    opened, "node \(target.name) still opens the copy: it was told of no logout",
                    detail: "status \(exchange.status)")
                print(
                    "   GET http://\(target.host)/me with the copy -> \(exchange.status), node \(exchange.reply?.node ?? "?"): "
                        + (opened ? "still alice" : "refused"))
            }
        }
        checks.limitation(
            "with no shared store, a copy of the cookie taken before logout still opens on every node that did not serve "
                + "the logout (here \(openedBy.joined(separator: ", "))) until it expires (\(lifetime(of: login.setCookies.first))). "
                + "Logout only deletes the browser's cookie.")
        return change.setCookies.first ?? login.setCookies.first ?? ""
    }

    /// Act 2, on nodes that share a revocation store (`store` names it) and use a lookup for up
    /// to `staleness`: steps 5 and 6.
    func withSharedStore(_ targets: [Target], store: String, staleness: Duration) async throws {
        let first = targets[0]
        let last = targets[targets.count - 1]

        print("5. Log in as alice on node \(first.name); every node recognises her")
        _ = try await logIn(on: first)
        for target in targets {
            let exchange = try await client.send(.GET, "/me", to: target)
            checks.check(
                exchange.status == 200 && exchange.reply?.user == "alice", "node \(target.name) recognises alice",
                detail: "status \(exchange.status)")
            print(
                "   GET http://\(target.host)/me -> \(exchange.status), node \(exchange.reply?.node ?? "?"): \(exchange.reply?.user ?? "nobody")"
            )
        }

        print("\n6. Copy the cookie, then log out on node \(last.name): every node refuses the copy")
        let copied = try await logOut(on: last, targets: targets)
        // The other nodes looked alice up in step 5 and may use that answer for `staleness`.
        print(
            "   (waiting \(staleness): a node uses a store lookup for up to that long, --revocation-staleness, "
                + "so a logout on another node is seen within it)")
        try await Task.sleep(for: staleness)
        for target in targets {
            let exchange = try await client.send(.GET, "/me", to: target, cookieField: copied)
            checks.check(
                exchange.isLoginRedirect, "node \(target.name) refuses the copy revoked in \(store)",
                detail: "status \(exchange.status) as \(exchange.reply?.user ?? "nobody")")
            print(
                "   GET http://\(target.host)/me with the copy -> \(exchange.status) to \(exchange.location ?? "-") "
                    + "(node \(target.name) read the revocation from \(store))")
        }
    }

    /// Step 7: `target`'s `GET /metrics` after the acts' requests, in Prometheus' text format.
    /// Checks that it counted the sessions it opened and the size of the cookies it set, and
    /// prints its series that moved (histogram buckets left out).
    func metrics(on target: Target) async throws {
        print("7. The metrics of node \(target.name), as Prometheus scrapes them (swift-metrics, swift-prometheus)")
        let response = try await client.http.send(
            .GET, "/metrics", port: target.port, headers: HTTPHeaders([("Host", target.host)]))
        let samples = String(decoding: response.body.readableBytesView, as: UTF8.self)
            .split(separator: "\n").filter { $0.hasPrefix("sealed_cookie_") }
        /// The value of the sample named exactly `series` (labels included), if there is one.
        func value(of series: String) -> Double? {
            samples.first { $0.hasPrefix(series + " ") }.flatMap { Double($0.dropFirst(series.count + 1)) }
        }
        let opened = value(of: "sealed_cookie_sessions_opened_total") ?? 0
        let cookiesSized = value(of: "sealed_cookie_set_cookie_bytes_count") ?? 0
        checks.check(
            response.status == 200 && opened > 0 && cookiesSized > 0,
            "node \(target.name)'s /metrics counts the sessions it opened and the Set-Cookie sizes it set",
            detail: "status \(response.status), sessions opened \(opened), Set-Cookie sizes \(cookiesSized)")
        print("   GET http://\(target.host)/metrics -> \(response.status), the series that moved:")
        for sample in samples where !sample.contains("_bucket{") && !sample.hasSuffix(" 0") {
            print("   \(sample)")
        }
    }

    private func logIn(on target: Target) async throws -> Exchange {
        let login = try await client.send(.POST, "/login?user=alice", to: target)
        checks.check(
            login.status == 200 && !login.setCookies.isEmpty, "login sets the session cookie",
            detail: "status \(login.status)")
        return login
    }

    /// Logs out on `target` with the jar, after copying the cookie as a thief would; checks the
    /// jar lost it and no node recognises the jar any more. Returns the copy, as a `Cookie` field.
    private func logOut(on target: Target, targets: [Target]) async throws -> String? {
        let copied = client.jar.cookieField(host: target.host, path: "/")
        let logout = try await client.send(.POST, "/logout", to: target)
        let deletion = logout.setCookies.first ?? ""
        checks.check(logout.status == 200 && deletion.contains("Max-Age=0"), "logout deletes the cookie")
        print("   POST http://\(target.host)/logout -> \(logout.status), Set-Cookie: \(deletion)")
        checks.check(client.jar.value(named: ExampleCookies.cookieName) == nil, "the jar dropped the cookie")
        var redirected: [String] = []
        for node in targets {
            let exchange = try await client.send(.GET, "/me", to: node)
            checks.check(exchange.isLoginRedirect, "node \(node.name) sends the browser to /login")
            if exchange.isLoginRedirect { redirected.append(node.name) }
        }
        print(
            "   GET /me from the browser (no cookie left) -> 303 to /login on nodes \(redirected.joined(separator: ", "))"
        )
        return copied
    }

    /// The cookie's lifetime as its `Max-Age` says.
    private func lifetime(of setCookie: String?) -> String {
        guard let setCookie, let range = setCookie.range(of: "Max-Age=") else { return "its Max-Age" }
        let seconds = Int(setCookie[range.upperBound...].prefix { $0.isNumber }) ?? 0
        return seconds % 3600 == 0 ? "Max-Age=\(seconds), \(seconds / 3600) h" : "Max-Age=\(seconds) s"
    }

    private func abbreviated(_ line: String) -> String {
        guard let equals = line.firstIndex(of: "="), let semicolon = line.firstIndex(of: ";") else { return line }
        let value = line[line.index(after: equals)..<semicolon]
        guard value.count > 24 else { return line }
        return "\(line[...equals])\(value.prefix(12))…\(value.suffix(8))\(line[semicolon...])"
    }
}
