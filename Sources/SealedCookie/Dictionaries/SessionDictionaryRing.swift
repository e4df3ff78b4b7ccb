public import Foundation

/// The dictionaries a ``SessionCodec`` uses: every one decompresses, picked by the id in each
/// value's header; one compresses new values, chosen by time.
///
/// Staged as keys are (``KeyRing``): a dictionary may carry an activation time. Before it, the
/// dictionary decompresses values but never compresses; at any time the dictionary that
/// compresses is the active one with the latest activation (one without an activation time is
/// active since forever; among equals, the first listed). So one deploy ships a new dictionary
/// ahead, and every node starts compressing with it at the same moment (see <doc:Dictionaries>).
/// Values opened with a dictionary that ranks below the one compressing now report
/// ``OpenedSession/needsResealing``, so the middleware re-seals them and nobody is logged out.
public struct SessionDictionaryRing: Sendable, CustomStringConvertible {
    /// One dictionary of a ring and the time from which it compresses.
    public struct Entry: Sendable, CustomStringConvertible {
        /// The dictionary.
        public let dictionary: SessionDictionary
        /// When the dictionary starts compressing; nil for one that compresses from the start
        /// (when no dictionary with a later activation is active). Before it, it only
        /// decompresses.
        public let activation: Date?

        /// An entry for `dictionary`, compressing from `activation` on (nil: from the start).
        ///
        /// The time is kept to the second, rounded down, as ring text writes it (a time outside the
        /// years 0000–9999 is kept as the nearest one within them).
        public init(dictionary: SessionDictionary, activation: Date? = nil) {
            self.dictionary = dictionary
            self.activation = activation.map(ActivationTime.writable)
        }

        /// The id and the activation time: `3@2026-12-10T00:00:00Z`, or `3` (`builtin-1` for the
        /// generic dictionary).
        public var description: String {
            activation.map { "\(dictionary.label)@\(ActivationTime.format($0))" } ?? dictionary.label
        }
    }

    /// Every dictionary with its activation time, in the order given.
    public let entries: [Entry]
    /// The dictionary that compresses once every activation time has passed: the one with the
    /// latest activation, or, with no activation times in the ring, the first listed (then it
    /// compresses every new value). Which one compresses at a given time is
    /// ``sealingDictionary(at:)``.
    public let primary: SessionDictionary
    /// Every other dictionary, in the order given.
    public let older: [SessionDictionary]
    /// Listing index by how a value names the dictionary (an application's id or a built-in id).
    private let indexes: [EnvelopeHeader.Compression: Int]
    private let schedule: ActivationSchedule

    /// Makes a ring of dictionaries that compress from the start: `primary` compresses, `older`
    /// only decompress. Every dictionary needs its own id.
    /// - Throws: ``SessionDictionaryError/duplicateID(_:)``.
    public init(primary: SessionDictionary, older: [SessionDictionary] = []) throws(SessionDictionaryError) {
        try self.init(entries: ([primary] + older).map { Entry(dictionary: $0) })
    }

    /// Makes a ring from dictionaries with their activation times (see
    /// ``SessionDictionaryRing``); every dictionary needs its own id (a built-in dictionary's id
    /// is apart from the application's: ``SessionDictionary/generic`` and an application's
    /// dictionary 1 go together).
    /// - Throws: ``SessionDictionaryError/emptyRing`` or ``SessionDictionaryError/duplicateID(_:)``.
    public init(entries: [Entry]) throws(SessionDictionaryError) {
        var indexes: [EnvelopeHeader.Compression: Int] = [:]
        for (index, entry) in entries.enumerated() {
            guard indexes.updateValue(index, forKey: entry.dictionary.headerCompression) == nil else {
                throw .duplicateID(entry.dictionary.id)
            }
        }
        let schedule = ActivationSchedule(activations: entries.map(\.activation))
        guard let newest = schedule.newestIndex else { throw .emptyRing }
        self.entries = entries
        self.primary = entries[newest].dictionary
        self.older = entries.indices.filter { $0 != newest }.map { entries[$0].dictionary }
        self.indexes = indexes
        self.schedule = schedule
    }

    /// The ring of the default compression: ``SessionDictionary/generic`` alone.
    public static let generic = SessionDictionaryRing(only: .generic)

    /// A ring of one dictionary that compresses from the start, which cannot fail.
    private init(only dictionary: SessionDictionary) {
        entries = [Entry(dictionary: dictionary)]
        primary = dictionary
        older = []
        indexes = [dictionary.headerCompression: 0]
        schedule = ActivationSchedule(activations: [nil])
    }

    /// The dictionary that compresses at `date`: of those whose activation is not after `date`
    /// (those without one included), the one with the latest activation, the first listed among
    /// equals. Nil when every dictionary activates after `date`.
    public func sealingDictionary(at date: Date) -> SessionDictionary? {
        schedule.sealingIndex(at: date).map { entries[$0].dictionary }
    }

    /// When the first dictionary activates, if every one has an activation time: before it,
    /// none compresses. Nil when some dictionary compresses from the start.
    public var firstActivation: Date? { schedule.firstActivation }

    /// Whether a value compressed with the dictionary its header names (`compression`) should be
    /// sealed again at `date`: the dictionary is not in the ring (a built-in one the ring left
    /// out) or ranks below the one compressing at `date`. False for one still staged at `date`
    /// (the value came from a node whose clock is ahead).
    func needsResealing(_ compression: EnvelopeHeader.Compression, at date: Date) -> Bool {
        guard let index = indexes[compression] else { return true }
        guard let sealing = schedule.sealingIndex(at: date) else { return false }
        return schedule.ranks(index, below: sealing)
    }

    /// Every dictionary of the ring, in the order given.
    var all: [SessionDictionary] { entries.map(\.dictionary) }

    public var description: String {
        let staged = entries.filter { $0.activation != nil }
        return "SessionDictionaryRing(primary: \(primary.label), older: [\(older.map(\.label).joined(separator: ", "))]"
            + (staged.isEmpty ? ")" : ", activations: \(staged.map(\.description)))")
    }
}
