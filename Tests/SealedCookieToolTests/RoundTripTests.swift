import Foundation
import Testing

@Suite("keygen, encode and decode")
struct RoundTripTests {
    static let session = #"{ "user_id": "usr_1", "roles": ["admin", "beta"], "note": "a b\tc" }"#
    /// ``session`` as the library serializes it: compact, keys sorted.
    static let compact = #"{"note":"a b\tc","roles":["admin","beta"],"user_id":"usr_1"}"#

    @Test("keygen prints ID:KEY lines and nothing else on standard output")
    func keygen() throws {
        let tool = try ToolRunner()
        defer { tool.cleanUp() }
        let output = try tool.run(["keygen", "--count", "3", "--id", "4"])
        #expect(output.status == 0)
        let lines = output.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        for (offset, line) in lines.enumerated() {
            let parts = line.split(separator: ":")
            #expect(parts.count == 2 && parts[0] == "\(4 + offset)" && parts[1].utf8.count == 43)
        }
        #expect(output.stderr.contains("4, 5, 6"))
    }

    @Test("keygen --format json and env")
    func keygenFormats() throws {
        let tool = try ToolRunner()
        defer { tool.cleanUp() }
        let json = try tool.run(["keygen", "--format", "json", "--count", "2"])
        let keys = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(keys?.map { $0["id"] as? Int } == [1, 2])
        let env = try tool.run(["keygen", "--format", "env", "--id", "7"])
        #expect(env.stdout.hasPrefix("SEALED_COOKIE_KEYS=7:"))
    }

    @Test("a file seals into a Set-Cookie line that decodes back through a file, as the library serializes it")
    func throughFiles() throws {
        let tool = try ToolRunner()
        defer { tool.cleanUp() }
        try tool.write(try tool.run(["keygen"]).stdout, to: "keys.txt")
        try tool.write(Self.session, to: "session.json")
        let encoded = try tool.run(["encode", "session.json", "--key-file", "keys.txt", "--domain", "example.com"])
        #expect(encoded.status == 0, "\(encoded.stderr)")
        let line = encoded.stdout.trimmingCharacters(in: .newlines)
        // The library's attributes, in its order (SPEC §11.1), Max-Age and Expires from the lifetime.
        #expect(
            line.wholeMatch(
                of:
                    /Set-Cookie: session=[A-Za-z0-9_-]+; Domain=example\.com; Path=\/; Expires=\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT; Max-Age=86400; Secure; HttpOnly; SameSite=Lax/
            ) != nil, "\(line)")
        let pair = Self.pair(line)
        let decoded = try tool.run(["decode", "--key-file", "keys.txt", "Cookie: theme=dark; \(pair)"])
        #expect(decoded.status == 0, "\(decoded.stderr)")
        #expect(decoded.stdout == Self.compact + "\n")
    }

    @Test("standard input seals into a value that decodes back through standard input, keys from the environment")
    func throughStandardInput() throws {
        let tool = try ToolRunner()
        defer { tool.cleanUp() }
        let ring = try tool.run(["keygen", "--id", "2"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let environment = ["APP_KEYS": ring]
        let encoded = try tool.run(
            ["encode", "--key-env", "APP_KEYS", "--value-only", "--cookie-name", "sid", "--purpose", "shop"],
            input: Self.session, environment: environment)
        #expect(encoded.status == 0, "\(encoded.stderr)")
        let decoded = try tool.run(
            ["decode", "--key-env", "APP_KEYS", "--cookie-name", "sid", "--purpose", "shop", "--show-header"],
            input: encoded.stdout, environment: environment)
        #expect(decoded.status == 0, "\(decoded.stderr)")
        #expect(decoded.stdout == Self.compact + "\n")
        #expect(decoded.stderr.contains("key id 2"))
    }

    @Test("the default key variable SEALED_COOKIE_KEYS is read when no option is given")
    func defaultEnvironmentVariable() throws {
        let tool = try ToolRunner()
        defer { tool.cleanUp() }
        let env = try tool.run(["keygen", "--format", "env"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let ring = String(env.drop { $0 != "=" }.dropFirst())
        let environment = ["SEALED_COOKIE_KEYS": ring]
        let value = try tool.run(["encode", "--value-only"], input: "{}", environment: environment).stdout
        let decoded = try tool.run(["decode", value.trimmingCharacters(in: .newlines)], environment: environment)
        #expect(decoded.stdout == "{}\n")
    }

    @Test("a session over one cookie is chunked as name=2~…; name.1=…, and decodes back through a Cookie header")
    func chunking() throws {
        let tool = try ToolRunner()
        defer { tool.cleanUp() }
        try tool.write(try tool.run(["keygen"]).stdout, to: "keys.txt")
        let big = Self.blob(hexCharacters: 4000)
        let encoded = try tool.run(
            ["encode", "--key-file", "keys.txt", "--domain", "example.com", "--no-compression"], input: big)
        #expect(encoded.status == 0, "\(encoded.stderr)")
        let lines = encoded.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("Set-Cookie: session=2~") == true)
        #expect(lines.last?.hasPrefix("Set-Cookie: session.1=") == true)
        for line in lines {
            #expect(line.utf8.count - "Set-Cookie: ".utf8.count <= 4093)
            #expect(line.contains("; Domain=example.com; Path=/; Expires="))
        }
        let pairs = lines.map(Self.pair)

        // Any order, among other cookies, in one header or split over header lines.
        let header = "Cookie: theme=dark; \(pairs[1]); _ga=GA1.2.3; \(pairs[0])"
        let decoded = try tool.run(["decode", "--key-file", "keys.txt", header])
        #expect(decoded.status == 0, "\(decoded.stderr)")
        #expect(decoded.stdout == big + "\n")
        let split = try tool.run(
            ["decode", "--key-file", "keys.txt"], input: "Cookie: \(pairs[0])\ncookie: \(pairs[1])\n")
        #expect(split.stdout == big + "\n", "\(split.stderr)")

        // A missing chunk, or chunking off when decoding, is a typed reason, never a partial session.
        let missing = try tool.run(["decode", "--key-file", "keys.txt", "Cookie: theme=dark; \(pairs[0])"])
        #expect(missing.status != 0 && missing.stdout.isEmpty)
        #expect(missing.stderr.contains("chunk 1 is missing"))
        let unchunked = try tool.run(["decode", "--key-file", "keys.txt", "--no-chunking", header])
        #expect(unchunked.status != 0 && unchunked.stderr.contains("announces 2 chunks, over the limit of 1"))
    }

    @Test("a session over the limits is refused with the sizes and the limit")
    func overBudget() throws {
        let tool = try ToolRunner()
        defer { tool.cleanUp() }
        try tool.write(try tool.run(["keygen"]).stdout, to: "keys.txt")
        let base = ["encode", "--key-file", "keys.txt", "--domain", "example.com", "--no-compression"]

        let oneCookie = try tool.run(base + ["--no-chunking"], input: Self.blob(hexCharacters: 4000))
        #expect(oneCookie.status != 0 && oneCookie.stdout.isEmpty)
        #expect(
            oneCookie.stderr.contains(
                /the cookie 'session' has \d{4} bytes of name and value, over the per-cookie limit of 4096/))

        let tooMany = try tool.run(base, input: Self.blob(hexCharacters: 6000))
        #expect(tooMany.status != 0 && tooMany.stdout.isEmpty)
        #expect(tooMany.stderr.contains(/the sealed session is \d{4} characters, but 2 cookie\(s\) hold at most \d{4}/))

        // Three cookies fit the per-cookie limits but not the request line with 2048 bytes reserved …
        let request = try tool.run(base + ["--max-chunks", "3"], input: Self.blob(hexCharacters: 6000))
        #expect(request.status != 0 && request.stdout.isEmpty)
        #expect(
            request.stderr.contains(
                /would take \d{4} bytes of the request's Cookie header line; with 2048 bytes reserved .* over the 8190-byte/
            ))
        // … and do with a smaller reserve.
        let reserved = try tool.run(
            base + ["--max-chunks", "3", "--reserve", "0"], input: Self.blob(hexCharacters: 6000))
        #expect(reserved.status == 0, "\(reserved.stderr)")
        #expect(reserved.stdout.split(separator: "\n").count == 3)
    }

    @Test("a duplicate planted under another key fails authentication and is skipped; the genuine one opens")
    func duplicates() throws {
        let tool = try ToolRunner()
        defer { tool.cleanUp() }
        try tool.write(try tool.run(["keygen"]).stdout, to: "keys.txt")
        try tool.write(try tool.run(["keygen"]).stdout, to: "planted.txt")
        let genuine = try tool.run(
            ["encode", "--key-file", "keys.txt", "--domain", "example.com"], input: Self.session)
        let planted = try tool.run(
            ["encode", "--key-file", "planted.txt", "--domain", "example.com"], input: #"{"user_id":"evil"}"#)
        let header = "Cookie: \(Self.pair(planted.stdout)); \(Self.pair(genuine.stdout))"
        let decoded = try tool.run(["decode", "--key-file", "keys.txt", header])
        #expect(decoded.status == 0, "\(decoded.stderr)")
        #expect(decoded.stdout == Self.compact + "\n")
        let refused = try tool.run(["decode", "--key-file", "keys.txt", "Cookie: \(Self.pair(planted.stdout))"])
        #expect(refused.status != 0 && refused.stderr.contains("failed authentication"))
    }

    @Test("the scope: a request host outside the root domain, or a public suffix, is refused; host-only has no Domain")
    func scope() throws {
        let tool = try ToolRunner()
        defer { tool.cleanUp() }
        try tool.write(try tool.run(["keygen"]).stdout, to: "keys.txt")
        let base = ["encode", "--key-file", "keys.txt"]
        let inside = try tool.run(base + ["--domain", ".Example.com", "--host", "shop.example.com"], input: "{}")
        #expect(inside.status == 0 && inside.stdout.contains("; Domain=example.com; "), "\(inside.stderr)")
        let outside = try tool.run(base + ["--domain", "example.com", "--host", "example.org"], input: "{}")
        #expect(outside.status != 0 && outside.stderr.contains("'example.org' is not example.com or a subdomain"))
        let suffix = try tool.run(base + ["--domain", "github.io"], input: "{}")
        #expect(suffix.status != 0 && suffix.stderr.contains("'github.io' is a public suffix"))
        let hostOnly = try tool.run(base + ["--same-site", "strict", "--path", "/app"], input: "{}")
        #expect(hostOnly.status == 0 && !hostOnly.stdout.contains("Domain="))
        #expect(hostOnly.stdout.contains("; Path=/app; Expires=") && hostOnly.stdout.contains("; SameSite=Strict"))
    }

    @Test("chunks the request still holds are deleted when the session shrinks")
    func staleChunks() throws {
        let tool = try ToolRunner()
        defer { tool.cleanUp() }
        try tool.write(try tool.run(["keygen"]).stdout, to: "keys.txt")
        let encoded = try tool.run(
            [
                "encode", "--key-file", "keys.txt", "--domain", "example.com", "--request-cookie",
                "Cookie: session=2~AAAA; session.1=BBBB",
            ],
            input: "{}")
        #expect(encoded.status == 0, "\(encoded.stderr)")
        let lines = encoded.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(
            lines.last
                == "Set-Cookie: session.1=; Domain=example.com; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Lax")
    }

    /// `{"blob":"…"}` with this many hexadecimal characters of barely compressible text.
    static func blob(hexCharacters: Int) -> String {
        "{\"blob\":\"" + (0..<hexCharacters / 2).map { String(format: "%02x", ($0 * 7919) % 251) }.joined() + "\"}"
    }

    /// The `name=value` pair of a `Set-Cookie:` line, as the browser sends it back.
    static func pair(_ line: String) -> String {
        String(line.trimmingCharacters(in: .newlines).dropFirst("Set-Cookie: ".count).prefix { $0 != ";" })
    }
}
