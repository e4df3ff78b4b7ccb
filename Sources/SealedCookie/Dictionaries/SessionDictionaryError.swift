/// Why a ``SessionDictionary`` or a ``SessionDictionaryRing`` could not be made.
public enum SessionDictionaryError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The dictionary (or the requested training size) is empty or over the limit.
    case invalidSize(byteCount: Int, limit: Int)
    /// zstd could not load the bytes: they begin like a zstd dictionary but are damaged.
    case rejectedByZstd
    /// The file could not be read.
    case unreadableFile(path: String)
    /// The file carries no SealedCookie dictionary id (raw content, or a dictionary trained by
    /// another tool), and none was given.
    case missingID(path: String)
    /// A sample session could not be serialized.
    case sampleNotSerializable(reason: String)
    /// Training needs more samples than it was given.
    case tooFewSamples(count: Int, minimum: Int)
    /// zstd's trainer failed, usually because the samples are too few, too small or too alike.
    case trainingFailed(reason: String)
    /// Two dictionaries in one ring have the same id.
    case duplicateID(UInt8)
    /// A dictionary ring needs at least one dictionary.
    case emptyRing

    public var description: String {
        switch self {
        case .invalidSize(let byteCount, let limit):
            "a session dictionary must be 1 to \(limit) bytes (training: at least 256), not \(byteCount)"
        case .rejectedByZstd:
            "zstd cannot load these bytes as a dictionary: they begin like a zstd dictionary but are damaged"
        case .unreadableFile(let path):
            "cannot read the dictionary file at \(path): check the path and its permissions"
        case .missingID(let path):
            "the dictionary at \(path) carries no SealedCookie id: pass one (0...255), or train it with `sealed-cookie dictionary train --id N`"
        case .sampleNotSerializable(let reason):
            "a sample session could not be serialized: \(reason)"
        case .tooFewSamples(let count, let minimum):
            "training needs at least \(minimum) sample sessions (a thousand or more works best), got \(count)"
        case .trainingFailed(let reason):
            "zstd could not train a dictionary (\(reason)): give more and more varied samples, or a smaller size"
        case .duplicateID(let id):
            "two dictionaries in the ring have id \(id): give every dictionary its own id"
        case .emptyRing:
            "a dictionary ring needs at least one dictionary"
        }
    }
}
