import ArgumentParser
import Foundation
import SealedCookie

extension SealedCookieTool {
    /// Seals a session JSON document into Set-Cookie header lines.
    struct Encode: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Seal a session JSON document into Set-Cookie header line(s).",
            discussion: """
                The document is read as JSON and sealed as an application's SessionCodec seals a \
                session of the same content (compact, keys sorted at every depth, as \
                JSONSessionSerializer writes it), then written as a server using the library writes \
                it: scoped to --domain \
                (all its subdomains; host-only without it), Secure, HttpOnly, with Max-Age and \
                Expires from the lifetime. A value over one cookie's limits is split over \
                name=N~…, name.1 … up to --max-chunks cookies. A session that does not fit a cookie \
                limit or the request budget is refused, with the sizes and the limit.

                Examples:
                  sealed-cookie encode session.json --key-file keys.txt --domain example.com
                  echo '{"user_id":"u1"}' | sealed-cookie encode --key-env APP_KEYS
                  sealed-cookie encode big.json --key-file keys.txt --reserve 1024
                  sealed-cookie encode s.json --key-file keys.txt --request-cookie 'session=2~…'
                  sealed-cookie encode s.json --key-file keys.txt --value-only --padding 256
                  sealed-cookie encode s.json --key-file keys.txt --dictionary sessions.zdict
                  sealed-cookie encode s.json --key-file keys.txt --secret-field csrf_token
                """)

        @Argument(help: ArgumentHelp("The session document; standard input when absent or -.", valueName: "file"))
        var file: String?

        @OptionGroup(title: "Keys") var keys: KeyOptions
        @OptionGroup(title: "Binding") var binding: BindingOptions
        @OptionGroup(title: "Sealing") var sealing: SealingOptions
        @OptionGroup(title: "Dictionary") var dictionary: DictionaryOptions
        @OptionGroup(title: "Secret fields") var secrets: SecretFieldOptions
        @OptionGroup(title: "Limits") var limits: LimitOptions

        @Option(
            help: ArgumentHelp(
                "The root domain the cookie is scoped to (Domain attribute); omit for a host-only cookie.",
                valueName: "domain"))
        var domain: String?

        @Option(
            help: ArgumentHelp(
                "The host of the request the cookie answers, which must be inside the scope (default: the root domain).",
                valueName: "host"))
        var host: String?

        @Option(
            name: .customLong("request-cookie"),
            help: ArgumentHelp(
                "The request's Cookie header, so that chunks the browser still holds are deleted (repeatable).",
                valueName: "header"))
        var requestCookies: [String] = []

        @OptionGroup(title: "Cookie") var cookie: CookieOptions
        @OptionGroup(title: "Chunking") var chunking: ChunkingOptions
        @OptionGroup(title: "Budget") var budget: BudgetOptions

        @Flag(
            name: .customLong("value-only"),
            help: "Print only the sealed value, not Set-Cookie lines (no chunking, no budget).")
        var valueOnly = false

        func validate() throws {
            try sealing.check(against: dictionary)
        }

        func run() throws {
            let document = try JSONDocument(InputSource.read(file), origin: file.map { "'\($0)'" } ?? "standard input")
            let codec = try DocumentCodec.make(
                keyRing: keys.keyRing(), cookieName: binding.cookieName, purpose: binding.purpose, clock: binding.clock,
                settings: sealing.settings(dictionaries: dictionary.ring(), secretFields: secrets.secretFields),
                limits: limits)
            if valueOnly {
                do {
                    print(try codec.seal(document.bytes))
                } catch {
                    throw ToolError("cannot seal the session: \(LimitOptions.describe(error))")
                }
                return
            }
            let scope = try DocumentCookies.scope(domain: domain)
            let cookies = try DocumentCookies.make(
                codec: codec,
                configuration: cookie.configuration(
                    scope: scope, budget: budget.budget, maxChunkCount: chunking.maxChunkCount))
            var requestFields: [String] = []
            for text in requestCookies {
                requestFields += try CookieInput.headerFields(text, cookieName: binding.cookieName)
            }
            // A host-only scope takes any host.
            let requestHost = host ?? scope.rootDomain ?? "localhost"
            let headers: [String]
            do {
                headers = try cookies.setCookieHeaders(
                    for: document.bytes, requestHost: requestHost, requestCookieHeaders: requestFields)
            } catch {
                throw ToolError(LimitOptions.describe(error))
            }
            for header in headers {
                print("Set-Cookie: \(header)")
            }
        }
    }
}
