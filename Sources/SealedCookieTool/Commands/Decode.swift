import ArgumentParser
import Foundation
import SealedCookie

extension SealedCookieTool {
    /// Opens a cookie value (or the cookie in a whole Cookie header) and prints the session.
    struct Decode: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open a sealed cookie and print its session JSON.",
            discussion: """
                The input is a cookie value, `name=value` pairs, or whole `Cookie:` header lines, read \
                as a server reads them: a chunked session (name=N~…; name.1=…) is joined, and when the \
                name occurs more than once (a sibling subdomain can plant one) each is tried in order, \
                as a server does: when two open to different sessions, or a limit leaves one untried \
                after one opened, there is no session. On failure the reason goes to standard error (expired, \
                unknown key id, failed authentication, missing chunk …) and the exit status is 1. \
                Pipe the output to `jq` to pretty-print it.

                Examples:
                  sealed-cookie decode --key-file keys.txt AbC…
                  sealed-cookie decode --key-file keys.txt 'Cookie: theme=dark; session=AbC…'
                  sealed-cookie decode --key-file keys.txt 'session=2~AbC…; session.1=XyZ…'
                  sealed-cookie decode --key-file keys.txt --dictionary sessions.zdict AbC…
                  pbpaste | sealed-cookie decode --key-env APP_KEYS --cookie-name sid | jq .
                """)

        @Argument(
            help: ArgumentHelp(
                "The cookie value or Cookie header; standard input when absent. A value that begins with - goes after --.",
                valueName: "cookie"))
        var cookie: String?

        @OptionGroup(title: "Keys") var keys: KeyOptions
        @OptionGroup(title: "Binding") var binding: BindingOptions
        @OptionGroup(title: "Chunking") var chunking: ChunkingOptions
        @OptionGroup(title: "Dictionary") var dictionary: DictionaryOptions
        @OptionGroup(title: "Secret fields") var secrets: SecretFieldOptions
        @OptionGroup(title: "Limits") var limits: LimitOptions

        @Flag(
            name: .customLong("show-header"),
            help:
                "Also print the key id, the compression (and dictionary id), issue and expiry times to standard error.")
        var showHeader = false

        func run() throws {
            let fields = try CookieInput.headerFields(
                InputSource.readText(cookie, orFile: nil), cookieName: binding.cookieName)
            let codec = try DocumentCodec.make(
                keyRing: keys.keyRing(), cookieName: binding.cookieName, purpose: binding.purpose, clock: binding.clock,
                settings: .opening(dictionaries: dictionary.ring(), secretFields: secrets.secretFields), limits: limits)
            let cookies = try DocumentCookies.make(
                codec: codec,
                configuration: SessionCookiesConfiguration(scope: .hostOnly, maxChunkCount: chunking.maxChunkCount))
            let found: OpenedSession<[UInt8]>?
            do {
                found = try cookies.session(fromCookieHeaders: fields)
            } catch .unreadable(.deserializationFailed, _) {
                // The documents' bytes always deserialize; only the secret fields can disagree.
                throw ToolError(
                    "the value's secret section does not match --secret-field: pass the same field names it was sealed with"
                )
            } catch {
                throw ToolError(LimitOptions.describe(error))
            }
            guard let opened = found else { throw CookieInput.missing(binding.cookieName, in: fields) }
            // The value is authentic, so something holding the key sealed these bytes, but no
            // session serializer did: printing them would pass them off as a session.
            if let refusal = JSONDocument.refusal(of: opened.session) {
                throw ToolError(
                    "the payload is not a session: the value opens, but its \(opened.session.count)-byte body "
                        + "is not a JSON session (\(refusal))")
            }
            FileHandle.standardOutput.write(Data(opened.session + [0x0A]))
            if showHeader {
                let header = opened.header
                Diagnostics.note(
                    "key id \(header.keyID), compression \(EnvelopeAnatomy.compressionText(header.compression)), "
                        + "issued \(header.issuedAt.formatted(.iso8601)), "
                        + "expires \(header.expiresAt.formatted(.iso8601))")
            }
            if opened.needsResealing {
                Diagnostics.note("sealed with an older key, dictionary or format: the server will re-seal it")
            }
        }
    }
}
