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
                (the first line is the primary key). Key ids go from 0 to 15 and travel in every cookie.

                Examples:
                  sealed-cookie keygen > keys.txt && chmod 600 keys.txt
                  sealed-cookie keygen --id 2 --format env     # SEALED_COOKIE_KEYS=2:…
                  sealed-cookie keygen --count 3 --format json
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
            switch format {
            case .ring:
                print(entries.map { "\($0.id):\($0.key)" }.joined(separator: "\n"))
            case .env:
                print(
                    "\(KeyOptions.defaultEnvironmentVariable)="
                        + entries.map { "\($0.id):\($0.key)" }.joined(separator: ","))
            case .json:
                print("[" + entries.map { "{\"id\":\($0.id),\"key\":\"\($0.key)\"}" }.joined(separator: ",") + "]")
            }
            let ids = entries.map { String($0.id) }.joined(separator: ", ")
            Diagnostics.note(
                "generated \(count == 1 ? "a key with id" : "keys with ids") \(ids); the output is a secret")
        }
    }
}
