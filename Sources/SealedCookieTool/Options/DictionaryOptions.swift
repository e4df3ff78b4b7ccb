import ArgumentParser
import SealedCookie

/// The zstd dictionary a value is sealed or opened with (`sealed-cookie dictionary train` makes
/// one). Every server of the application needs the same file under the same id.
struct DictionaryOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "A session dictionary file: seal with zstd and this dictionary, and open values made with it.",
            valueName: "file"))
    var dictionary: String?

    @Option(
        name: .customLong("dictionary-id"),
        help: ArgumentHelp(
            "The dictionary's id (0-255), for a file that does not store one (raw content, or trained by another tool).",
            valueName: "id"))
    var dictionaryID: UInt8?

    func validate() throws {
        if dictionaryID != nil && dictionary == nil {
            throw ValidationError("--dictionary-id needs --dictionary FILE.")
        }
    }

    /// The dictionary as a ring of one, or nil without `--dictionary`.
    func ring() throws(ToolError) -> SessionDictionaryRing? {
        guard let dictionary else { return nil }
        do {
            return try SessionDictionaryRing(primary: SessionDictionary(contentsOfFile: dictionary, id: dictionaryID))
        } catch {
            switch error {
            case .missingID: throw ToolError("\(error); with this tool: --dictionary-id N")
            default: throw ToolError("cannot load the dictionary: \(error)")
            }
        }
    }
}
