import Logging

/// The node's command line: `--name value` pairs, all checked.
struct NodeOptions {
    static let usage =
        "usage: sealed-cookie-vapor-node --port N [--node NAME] [--root-domain DOMAIN] [--keys-variable VAR] [--log-level LEVEL]"

    var node = "v"
    var port = 0
    var rootDomain = "example.test"
    var keysVariable = "SEALED_COOKIE_KEYS"
    var logLevel = Logger.Level.info

    struct Invalid: Error, CustomStringConvertible {
        var description: String
    }

    init(arguments: [String]) throws {
        var rest = arguments[...]
        while let name = rest.popFirst() {
            guard let value = rest.popFirst() else { throw Invalid(description: "\(name) needs a value") }
            switch name {
            case "--node": node = value
            case "--port":
                guard let port = Int(value), (1...65535).contains(port) else {
                    throw Invalid(description: "--port must be from 1 to 65535")
                }
                self.port = port
            case "--root-domain": rootDomain = value
            case "--keys-variable": keysVariable = value
            case "--log-level":
                guard let level = Logger.Level(rawValue: value) else { throw Invalid(description: "unknown --log-level \(value)") }
                logLevel = level
            default: throw Invalid(description: "unknown option \(name)")
            }
        }
        guard port != 0 else { throw Invalid(description: "--port is required") }
    }
}
