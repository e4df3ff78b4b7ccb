import ArgumentParser
import Foundation
import SealedCookie

extension SealedCookieTool {
    /// Shows what an envelope's header says, without a key.
    struct Inspect: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show what a sealed cookie's header says, without any key.",
            discussion: """
                Prints the format version, flags, key id, issue and expiry times and sizes. Nothing is \
                verified: the header is only trustworthy once `decode` has opened the value.

                Examples:
                  sealed-cookie inspect AbC…
                  sealed-cookie inspect --format json 'Cookie: session=AbC…'
                """)

        /// How the envelope is described.
        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        @Argument(
            help: ArgumentHelp(
                "The cookie value or Cookie header; standard input when absent. A value that begins with - goes after --.",
                valueName: "cookie"))
        var cookie: String?

        @Option(name: .customLong("cookie-name"), help: "The cookie to pick out of a Cookie header.")
        var cookieName = "session"

        @Option(help: "text or json.")
        var format: Format = .text

        @Option(
            help: ArgumentHelp(
                "Judge expiry against this time instead of now: RFC 3339 in UTC (2026-12-10T00:00:00Z) or Unix seconds.",
                valueName: "time"),
            transform: ToolTime.rfc3339OrUnixSeconds)
        var now: Date?

        func run() throws {
            let fields = try CookieInput.headerFields(InputSource.readText(cookie, orFile: nil), cookieName: cookieName)
            // The first cookie of that name: without a key there is no telling duplicates apart.
            let value = try CookieInput.firstValue(named: cookieName, in: fields)
            let header: EnvelopeHeader
            do {
                header = try EnvelopeHeader(sealedValue: value)
            } catch {
                throw ToolError("cannot read the envelope header: \(error)")
            }
            guard let anatomy = EnvelopeAnatomy(header: header, valueLength: value.utf8.count) else {
                throw ToolError("cannot read the envelope: the value is too short to hold a nonce and a tag")
            }
            let clock = now ?? Date()
            print(format == .json ? anatomy.json(now: clock) : anatomy.text(now: clock))
        }
    }
}
