import ArgumentParser

/// How many cookies one session may be split over (``SessionCookiesConfiguration/maxChunkCount``):
/// `name=N~…; name.1=…` as SPEC §11.2 describes. Encoding and decoding must agree.
struct ChunkingOptions: ParsableArguments {
    /// Two: with the default request budget and reserve, a third cookie never fits.
    static let defaultMaxChunks = 2

    @Option(
        name: .customLong("max-chunks"),
        help: ArgumentHelp(
            "The most cookies one session may be split over (name, name.1 …); 1 turns chunking off "
                + "(default: \(defaultMaxChunks), the most the default request budget lets through).",
            valueName: "count"))
    var maxChunks: Int?

    @Flag(name: .customLong("no-chunking"), help: "The same as --max-chunks 1: one cookie or an error.")
    var chunkingDisabled = false

    func validate() throws {
        if chunkingDisabled && maxChunks != nil {
            throw ValidationError("Pass either --no-chunking or --max-chunks, not both.")
        }
    }

    /// The count the cookie layer is configured with; the layer checks its range.
    var maxChunkCount: Int { chunkingDisabled ? 1 : maxChunks ?? Self.defaultMaxChunks }
}
