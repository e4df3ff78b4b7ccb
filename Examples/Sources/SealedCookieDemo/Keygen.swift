import ArgumentParser
import SealedCookie

extension SealedCookieDemo {
    /// Prints a new key ring for `serve`.
    struct Keygen: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a new one-key ring (ID:KEY) for the SEALED_COOKIE_KEYS variable of `serve`.")

        @Option(help: "The key's id, 0 to 15.")
        var id: UInt8 = 1

        func run() throws {
            print("\(id):\(try SessionKey.generate(id: id).exportBase64URL())")
        }
    }
}
