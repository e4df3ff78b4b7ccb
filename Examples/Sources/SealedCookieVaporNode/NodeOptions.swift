#if PostgreSQL
import Logging

/// The node's command line: `--name value` pairs, all checked.
struct NodeOptions {
    static let usage =
        "usage: sealed-cookie-vapor-node --port N [--node NAME] [--root-domain DOMAIN] [--keys-variable VAR] [--log-level LEVEL]"
        + " [--revocation-postgres postgres://USER@HOST:PORT/DATABASE] [--revocation-staleness SECONDS]"
        + " [--revocation-timeout SECONDS] [--dictionary ID:PATH[@TIME]]..."

    var node = "v"
    var port = 0
    var rootDomain = "example.test"
    var keysVariable = "SEALED_COOKIE_KEYS"
    var logLevel = Logger.Level.info
    /// The shared revocation store's database, nil for one in this process.
    var revocationPostgres: String?
    var revocationStaleness = Duration.seconds(5)
    var revocationTimeout = Duration.milliseconds(250)
    /// `--dictionary` options, in order (``ExampleDictionaries/ring(options:)`` reads them).
    var dictionaries: [String] = []

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
                guard let level = Logger.Level(rawValue: value) else {
                    throw Invalid(description: "unknown --log-level \(value)")
                }
                logLevel = level
            case "--revocation-postgres": revocationPostgres = value
            case "--revocation-staleness":
                guard let seconds = Double(value), (0.001...3600).contains(seconds) else {
                    throw Invalid(description: "--revocation-staleness must be from 0.001 to 3600 seconds")
                }
                revocationStaleness = .milliseconds(Int64(seconds * 1000))
            case "--revocation-timeout":
                guard let seconds = Double(value), (0.001...60).contains(seconds) else {
                    throw Invalid(description: "--revocation-timeout must be from 0.001 to 60 seconds")
                }
                revocationTimeout = .milliseconds(Int64(seconds * 1000))
            case "--dictionary": dictionaries.append(value)
            default: throw Invalid(description: "unknown option \(name)")
            }
        }
        guard port != 0 else { throw Invalid(description: "--port is required") }
    }
}
#endif
