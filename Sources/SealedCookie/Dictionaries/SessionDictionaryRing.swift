/// The dictionaries a ``SessionCodec`` uses: one primary that compresses every new value, and
/// older ones that only decompress, picked by the id in each value's header.
///
/// Rotate as with keys: add the new dictionary as primary and keep the old one in `older`
/// until the longest session lifetime has passed. Values opened with an older dictionary report
/// ``OpenedSession/needsResealing``, so the middleware re-seals them with the new one and
/// nobody is logged out.
public struct SessionDictionaryRing: Sendable, CustomStringConvertible {
    /// The dictionary that compresses every new value.
    public let primary: SessionDictionary
    /// Dictionaries that still decompress values but never compress.
    public let older: [SessionDictionary]

    /// Makes a ring; every dictionary needs its own id.
    /// - Throws: ``SessionDictionaryError/duplicateID(_:)``.
    public init(primary: SessionDictionary, older: [SessionDictionary] = []) throws(SessionDictionaryError) {
        var seen = Set<UInt8>()
        for dictionary in [primary] + older {
            guard seen.insert(dictionary.id).inserted else { throw .duplicateID(dictionary.id) }
        }
        self.primary = primary
        self.older = older
    }

    /// Every dictionary of the ring, the primary first.
    var all: [SessionDictionary] { [primary] + older }

    public var description: String {
        "SessionDictionaryRing(primary: \(primary.id), older: \(older.map(\.id)))"
    }
}
