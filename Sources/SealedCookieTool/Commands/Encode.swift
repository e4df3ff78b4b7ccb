import ArgumentParser
import Foundation
import SealedCookie

extension SealedCookieTool {
    /// Seals a session JSON document into Set-Cookie header lines.
    struct Encode: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Seal a session JSON document into Set-Cookie header line(s).",
            discussion: """
                The document is checked to be JSON and sealed as given, with insignificant whitespace \
                removed. A value over the 4096-byte cookie limit is split over name, name.1, name.2 … \
                unless --no-chunking is given.

                Examples:
                  sealed-cookie encode session.json --key-file keys.txt --domain example.com
                  echo '{"user_id":"u1"}' | sealed-cookie encode --key-env APP_KEYS
                  sealed-cookie encode session.json --key-file keys.txt --value-only
                  sealed-cookie encode session.json --key-file keys.txt --padding 256
                """)

        @Argument(help: ArgumentHelp("The session document; standard input when absent or -.", valueName: "file"))
        var file: String?

        @OptionGroup(title: "Keys") var keys: KeyOptions
        @OptionGroup(title: "Binding") var binding: BindingOptions
        @OptionGroup(title: "Sealing") var sealing: SealingOptions
        @OptionGroup(title: "Cookie") var cookie: CookieOptions

        @Flag(name: .customLong("value-only"), help: "Print only the cookie value, not Set-Cookie lines (no chunking).")
        var valueOnly = false

        func run() throws {
            let document = try JSONDocument(InputSource.read(file), origin: file.map { "'\($0)'" } ?? "standard input")
            let codec = try DocumentCodec.make(
                keyRing: keys.keyRing(), cookieName: binding.cookieName, purpose: binding.purpose, clock: binding.clock,
                sealing: sealing)
            let value: String
            do {
                value = try codec.seal(document.bytes)
            } catch {
                throw ToolError("cannot seal the session: \(error)")
            }
            if valueOnly {
                print(value)
                return
            }
            guard let pairs = StandInCookieLayer.pairs(name: binding.cookieName, value: value, chunking: !cookie.chunkingDisabled)
            else {
                throw ToolError(
                    "the cookie is \(binding.cookieName.utf8.count + value.utf8.count) bytes, over the "
                        + "\(StandInCookieLayer.cookieByteLimit)-byte browser limit: allow chunking or store less in the session")
            }
            let now = binding.clock()
            for pair in pairs {
                print(StandInCookieLayer.setCookieLine(pair, attributes: cookie.attributes, maxAge: sealing.lifetime.minutes * 60, now: now))
            }
            let requestBytes = StandInCookieLayer.cookieHeaderLine(pairs).utf8.count
            if requestBytes > cookie.requestBudget {
                Diagnostics.warning(
                    "the Cookie request header would be \(requestBytes) bytes, over the budget of \(cookie.requestBudget): "
                        + "servers may reject requests")
            }
        }
    }
}
