import ArgumentParser
import Foundation
import SealedCookie

extension SealedCookieTool.DictionaryCommand {
    /// Describes a dictionary file.
    struct Inspect: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a session dictionary's id, size, kind and fingerprint.",
            discussion: """
                The fingerprint (BLAKE2b of the bytes) tells whether two servers have the same \
                dictionary. A trained dictionary stores its id; raw content (any file of sample \
                text) has none, and needs --dictionary-id wherever it is used.

                Examples:
                  sealed-cookie dictionary inspect sessions.zdict
                  sealed-cookie dictionary inspect sessions.zdict --format json
                """)

        /// How the dictionary is described.
        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        @Argument(help: ArgumentHelp("The dictionary file.", valueName: "file"))
        var file: String

        @Option(help: "text or json.")
        var format: Format = .text

        func run() throws {
            let (dictionary, storedID) = try Self.load(file)
            let kind = dictionary.isTrained ? "trained zstd dictionary" : "raw content"
            switch format {
            case .text:
                let rows = [
                    ("file", file),
                    (
                        "id",
                        storedID.map { "\($0) (stored in the file)" } ?? "none stored: pass --dictionary-id N with it"
                    ),
                    ("bytes", "\(dictionary.bytes.count)"),
                    ("content", kind),
                    ("fingerprint", dictionary.fingerprint),
                ]
                print(
                    rows.map { $0.0.padding(toLength: 13, withPad: " ", startingAt: 0) + $0.1 }.joined(separator: "\n"))
            case .json:
                let report = Report(
                    file: file, id: storedID.map(Int.init), bytes: dictionary.bytes.count,
                    trained: dictionary.isTrained,
                    fingerprint: dictionary.fingerprint)
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                do {
                    print(String(decoding: try encoder.encode(report), as: UTF8.self))
                } catch {
                    throw ToolError("cannot write the description as JSON: \(error)")
                }
            }
        }

        private struct Report: Encodable {
            let file: String
            let id: Int?
            let bytes: Int
            let trained: Bool
            let fingerprint: String
        }

        /// The dictionary, and its id when the file stores one.
        private static func load(_ path: String) throws(ToolError) -> (SessionDictionary, UInt8?) {
            do {
                let dictionary = try SessionDictionary(contentsOfFile: path)
                return (dictionary, dictionary.id)
            } catch .missingID {
                // Any id will do to read it: the id is not part of the bytes.
            } catch {
                throw ToolError("cannot load the dictionary: \(error)")
            }
            do {
                return (try SessionDictionary(contentsOfFile: path, id: 0), nil)
            } catch {
                throw ToolError("cannot load the dictionary: \(error)")
            }
        }
    }
}
