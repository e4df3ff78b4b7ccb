import ArgumentParser
import Foundation
import SealedCookie

extension SealedCookieTool {
    /// Prints new master keys with their ids.
    struct Keygen: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Generate new master keys (32 random bytes, base64url) with their key ids.",
            discussion: """
                The output is a secret: write it to a file only you can read, or to your secret store. \
                The default format is a key ring, one ID:KEY line per key, which --key-file reads \
                (without activation times, the first line is the key that seals). Key ids go from 0 \
                to 15 and travel in every cookie.

                To rotate without logging anyone out, stage the new key: --activate-at prints \
                ID:KEY@TIME entries, which open values at once but seal only from TIME on. Add the \
                entry to the ring of every node at least one full deploy (plus the clock skew) \
                before TIME; at TIME every node switches to it.

                Examples:
                  sealed-cookie keygen > keys.txt && chmod 600 keys.txt
                  sealed-cookie keygen --id 2 --format env     # SEALED_COOKIE_KEYS=2:…
                  sealed-cookie keygen --count 3 --format json
                  sealed-cookie keygen --id 2 --activate-at 2026-12-10T00:00:00Z >> keys.txt
                """)

        /// How the keys are printed.
        enum Format: String, ExpressibleByArgument, CaseIterable {
            case ring, env, json
        }

        @Option(help: "How many keys to make; ids count up from --id.")
        var count = 1

        @Option(help: "The id of the first key (0-15).")
        var id = 1

        @Option(help: "ring: ID:KEY lines; env: one KEY_VARIABLE=ID:KEY,… line; json: [{\"id\":…,\"key\":…}].")
        var format: Format = .ring

        @Option(
            name: .customLong("activate-at"),
            help: ArgumentHelp(
                "Stage the keys: they open values at once but seal only from this time on, RFC 3339 in UTC "
                    + "(ID:KEY@2026-12-10T00:00:00Z).",
                valueName: "time"),
            transform: ToolTime.rfc3339)
        var activateAt: Date?

        func validate() throws {
            guard count >= 1 else { throw ValidationError("--count must be at least 1.") }
            guard id >= 0, id + count - 1 <= Int(SessionKey.maxID) else {
                throw ValidationError(
                    "Key ids must stay within 0-\(SessionKey.maxID): --id \(id) --count \(count) does not.")
            }
        }

        func run() throws {
            var entries: [(id: UInt8, key: String)] = []
            for keyID in id..<(id + count) {
                do {
                    let key = try SessionKey.generate(id: UInt8(clamping: keyID))  // In 0...15: checked by validate()
                    entries.append((key.id, key.exportBase64URL()))
                } catch {
                    throw ToolError("cannot generate a key: \(error)")
                }
            }
            let activation = activateAt.map(ToolTime.format)
            let suffix = activation.map { "@\($0)" } ?? ""
            switch format {
            case .ring:
                print(entries.map { "\($0.id):\($0.key)\(suffix)" }.joined(separator: "\n"))
            case .env:
                print(
                    "\(KeyOptions.defaultEnvironmentVariable)="
                        + entries.map { "\($0.id):\($0.key)\(suffix)" }.joined(separator: ","))
            case .json:
                let field = activation.map { ",\"activation\":\"\($0)\"" } ?? ""
                print(
                    "[" + entries.map { "{\"id\":\($0.id),\"key\":\"\($0.key)\"\(field)}" }.joined(separator: ",")
                        + "]")
            }
            let ids = entries.map { String($0.id) }.joined(separator: ", ")
            Diagnostics.note(
                "generated \(count == 1 ? "a key with id" : "keys with ids") \(ids); the output is a secret")
            if let activateAt, let activation {
                Diagnostics.note(
                    activateAt > Date()
                        ? "staged: seals from \(activation) on; add it to every node's ring at least one full deploy "
                            + "(plus the clock skew) before then, and keep the current key"
                        : "\(activation) has passed: the key seals as soon as a node has it, so during a rolling deploy "
                            + "nodes without it log users out; pick a time at least one deploy ahead")
            }
        }
    }
}
