import Foundation
import Testing

@Suite("keygen, encode and decode")
struct RoundTripTests {
    static let session = #"{ "user_id": "usr_1", "roles": ["admin", "beta"], "note": "a b\tc" }"#
    static let compact = #"{"user_id":"usr_1","roles":["admin","beta"],"note":"a b\tc"}"#

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

    @Test("a file seals into a Set-Cookie line that decodes back through a file, byte for byte (compacted)")
    func throughFiles() throws {
        let tool = try ToolRunner()
        defer { tool.cleanUp() }
        try tool.write(try tool.run(["keygen"]).stdout, to: "keys.txt")
        try tool.write(Self.session, to: "session.json")
        let encoded = try tool.run(["encode", "session.json", "--key-file", "keys.txt", "--domain", "example.com"])
        #expect(encoded.status == 0, "\(encoded.stderr)")
        let line = encoded.stdout.trimmingCharacters(in: .newlines)
        #expect(line.hasPrefix("Set-Cookie: session="))
        for attribute in ["Path=/", "Domain=example.com", "Max-Age=86400", "Expires=", "Secure", "HttpOnly", "SameSite=Lax"] {
            #expect(line.contains("; \(attribute)"))
        }
        let pair = String(line.dropFirst("Set-Cookie: ".count).prefix { $0 != ";" })
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

    @Test("a session over the cookie limit is chunked over name, name.1 …, and the chunks decode")
    func chunking() throws {
        let tool = try ToolRunner()
        defer { tool.cleanUp() }
        try tool.write(try tool.run(["keygen"]).stdout, to: "keys.txt")
        let big = "{\"blob\":\"" + (0..<2500).map { String(format: "%02x", ($0 * 7919) % 251) }.joined() + "\"}"
        let encoded = try tool.run(["encode", "--key-file", "keys.txt", "--no-compression"], input: big)
        #expect(encoded.status == 0, "\(encoded.stderr)")
        let lines = encoded.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[1].hasPrefix("Set-Cookie: session.1="))
        let pairs = lines.map { String($0.dropFirst("Set-Cookie: ".count).prefix { $0 != ";" }) }
        let decoded = try tool.run(["decode", "--key-file", "keys.txt", "Cookie: " + pairs.joined(separator: "; ")])
        #expect(decoded.stdout == big + "\n")
        let refused = try tool.run(["encode", "--key-file", "keys.txt", "--no-compression", "--no-chunking"], input: big)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("4096-byte browser limit"))
    }
}
