import ArgumentParser
import Foundation
import SealedCookie

/// Where the key ring comes from: a file or an environment variable, never the command line.
struct KeyOptions: ParsableArguments {
    /// The variable read when neither option is given.
    static let defaultEnvironmentVariable = "SEALED_COOKIE_KEYS"

    @Option(
        name: .customLong("key-file"),
        help: ArgumentHelp(
            "A file holding the key ring, one ID:KEY or ID:KEY@TIME (staged) entry a line, as keygen prints it.",
            valueName: "path"))
    var keyFile: String?

    @Option(
        name: .customLong("key-env"),
        help: ArgumentHelp(
            "An environment variable holding the key ring (ID:KEY or ID:KEY@TIME entries separated by commas).",
            valueName: "name"))
    var keyEnvironmentVariable: String?

    func validate() throws {
        if keyFile != nil && keyEnvironmentVariable != nil {
            throw ValidationError("Pass either --key-file or --key-env, not both.")
        }
    }

    /// The ring, with a message that names its source (never its contents) when it cannot be read.
    func keyRing() throws(ToolError) -> KeyRing {
        do {
            if let keyFile {
                return try KeyRing(contentsOfFile: keyFile)
            }
            if let keyEnvironmentVariable {
                return try KeyRing(environmentVariable: keyEnvironmentVariable)
            }
            if ProcessInfo.processInfo.environment[Self.defaultEnvironmentVariable] != nil {
                return try KeyRing(environmentVariable: Self.defaultEnvironmentVariable)
            }
        } catch {
            throw ToolError("cannot load the key ring: \(error)")
        }
        throw ToolError(
            "no key given: pass --key-file FILE or --key-env NAME, or set \(Self.defaultEnvironmentVariable) "
                + "(make a key with `sealed-cookie keygen`)")
    }
}
