import ArgumentParser
import Foundation
import SealedCookie

extension SealedCookieTool.DictionaryCommand {
    /// Trains a dictionary on session documents with zstd's fastCover.
    struct Train: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Train a session dictionary on sample session JSON documents.",
            discussion: """
                Every argument is a session JSON document or a folder of them (its .json files). Each \
                is serialized as encode and an application's SessionCodec serialize it (keys \
                sorted), and the dictionary is trained with zstd's fastCover: the same samples in the same order give the same bytes. The id is stored in the file \
                and written in the header of every value sealed with it. A useful dictionary needs \
                about a thousand samples, and samples of at least ten times its size in all: fewer \
                give a warning. Use --secret-field as sealing will, so that the dictionary learns \
                the bodies that are compressed.

                Examples:
                  sealed-cookie dictionary train samples/ --id 1 -o sessions.zdict
                  sealed-cookie dictionary train a.json more/ --size 16384 --id 2 -o next.zdict
                """)

        /// Warn below this many samples.
        static let usefulSampleCount = 1000
        /// Warn when all samples together are under this many times the dictionary size.
        static let usefulSizeFactor = 10

        @Argument(help: ArgumentHelp("Session JSON documents, or folders of them.", valueName: "file-or-folder"))
        var inputs: [String]

        @Option(help: "The dictionary's largest size in bytes (256 to 1048576).")
        var size = 8192

        @Option(help: "The dictionary's id (0-255), stored in the file and in every value's header.")
        var id: UInt8

        @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the dictionary.", valueName: "file"))
        var output: String

        @OptionGroup(title: "Secret fields") var secrets: SecretFieldOptions

        func validate() throws {
            guard !inputs.isEmpty else { throw ValidationError("Give at least one session document or folder.") }
        }

        func run() throws {
            let samples = try loadSamples()
            let total = samples.reduce(0) { $0 + $1.count }
            if samples.count < Self.usefulSampleCount {
                Diagnostics.warning(
                    "only \(samples.count) samples: a useful dictionary needs about \(Self.usefulSampleCount) or more "
                        + "(scripts/synthesize-sessions makes them)")
            }
            if total < Self.usefulSizeFactor * size {
                Diagnostics.warning(
                    "the samples hold \(total) bytes in all, under \(Self.usefulSizeFactor) times the dictionary size "
                        + "(\(size)): give more samples or a smaller --size")
            }
            let clock = ContinuousClock()
            let start = clock.now
            let dictionary: SessionDictionary
            do {
                dictionary = try SessionDictionary.train(samples: samples, size: size, id: id)
            } catch {
                throw ToolError("\(error)")
            }
            let elapsed = start.duration(to: clock.now)
            do {
                try Data(dictionary.bytes).write(to: URL(fileURLWithPath: output))
            } catch {
                throw ToolError("cannot write \(output): check the path and its permissions")
            }
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            print(
                "trained dictionary \(dictionary.id): \(dictionary.bytes.count) bytes, fingerprint \(dictionary.fingerprint), "
                    + "from \(samples.count) samples (\(total) bytes) in \(String(format: "%.2f", seconds)) s")
            print("wrote \(output)")
        }

        /// The bodies the codec compresses for every document (the library's JSON, secret
        /// fields apart), in argument order and, within a folder, by name.
        private func loadSamples() throws(ToolError) -> [[UInt8]] {
            let serializer = SecretFieldSerializer(fields: secrets.secretFields)
            var samples: [[UInt8]] = []
            for input in inputs {
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: input, isDirectory: &isFolder) else {
                    throw ToolError("cannot read \(input): no such file or folder")
                }
                let documents =
                    isFolder.boolValue
                    ? try DocumentFolder.documents(in: input)
                    : [SampleDocument(name: input, origin: "'\(input)'", bytes: try InputSource.read(input))]
                for document in documents {
                    let json = try JSONDocument(document.bytes, origin: document.origin)
                    samples.append(serializer.serializeKeepingSecretsApart(json.bytes).body)
                }
            }
            return samples
        }
    }
}
