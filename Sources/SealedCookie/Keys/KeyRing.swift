public import Foundation

/// The keys a ``SessionCodec`` uses: every key opens, one key seals, chosen by time.
///
/// A cookie names its key by id, so opening picks the key directly (no trial decryption).
///
/// A key may carry an activation time. Before it, the key opens values but never seals; from it
/// on, it seals. At any time the key that seals is the active key with the latest activation;
/// keys without an activation time count as active since forever, and among keys with the same
/// activation (or none) the first listed seals. So one deploy can ship a new key ahead of time,
/// and every node switches to it at the same moment with no second deploy (see <doc:KeyRotation>):
///
/// ```swift
/// // Key 2 seals from 10 December on; until then key 1 seals and key 2 already opens.
/// let ring = try KeyRing(text: "2:<new key>@2026-12-10T00:00:00Z, 1:<old key>")
/// ```
///
/// Values opened with a key that ranks below the one sealing now (activated earlier) are
/// reported by ``OpenedSession/needsResealing``, so the cookie layer re-seals them under the
/// new key; a value sealed under a key that is still staged here (another node's clock is
/// ahead) is not, so that nodes never seal a session back to the older key.
public struct KeyRing: Sendable, CustomStringConvertible {
    /// One key of a ring and the time from which it seals.
    public struct Entry: Sendable, Equatable, CustomStringConvertible {
        /// The key.
        public let key: SessionKey
        /// When the key starts sealing; nil for a key that seals from the start (when no key
        /// with a later activation is active). Before it, the key only opens.
        public let activation: Date?

        /// An entry for `key`, sealing from `activation` on (nil: from the start).
        ///
        /// The time is kept to the second, rounded down, as ring text writes it (a time outside the
        /// years 0000–9999 is kept as the nearest one within them).
        public init(key: SessionKey, activation: Date? = nil) {
            self.key = key
            self.activation = activation.map(ActivationTime.writable)
        }

        /// The id and the activation time, never the key: `2@2026-12-10T00:00:00Z`, or `2`.
        public var description: String {
            activation.map { "\(key.id)@\(ActivationTime.format($0))" } ?? "\(key.id)"
        }
    }

    /// Every key with its activation time, in the order given.
    public let entries: [Entry]
    /// The key that seals once every activation time has passed: the one with the latest
    /// activation, or, with no activation times in the ring, the first listed (then it seals
    /// every new value). Which key seals at a given time is ``sealingKey(at:)``.
    public let primary: SessionKey
    /// Every other key, in the order given.
    public let older: [SessionKey]
    /// Keys by id, for the lookup on every open.
    private let slots: [SessionKey?]
    /// Listing index by key id, for comparing a value's key with the sealing one.
    private let indexes: [Int?]
    private let schedule: ActivationSchedule

    /// Makes a ring of keys that seal from the start: `primary` seals, `older` only open. Every
    /// key needs its own id.
    public init(primary: SessionKey, older: [SessionKey] = []) throws(SessionKeyError) {
        try self.init(entries: ([primary] + older).map { Entry(key: $0) })
    }

    /// Makes a ring from keys with their activation times (see ``KeyRing``); every key needs its
    /// own id.
    /// - Throws: ``SessionKeyError/emptyRing`` or ``SessionKeyError/duplicateKeyID(_:)``.
    public init(entries: [Entry]) throws(SessionKeyError) {
        var slots = [SessionKey?](repeating: nil, count: Int(SessionKey.maxID) + 1)
        var indexes = [Int?](repeating: nil, count: Int(SessionKey.maxID) + 1)
        for (index, entry) in entries.enumerated() {
            guard slots[Int(entry.key.id)] == nil else { throw .duplicateKeyID(entry.key.id) }
            slots[Int(entry.key.id)] = entry.key
            indexes[Int(entry.key.id)] = index
        }
        let schedule = ActivationSchedule(activations: entries.map(\.activation))
        guard let newest = schedule.newestIndex else { throw .emptyRing }
        self.entries = entries
        self.primary = entries[newest].key
        self.older = entries.indices.filter { $0 != newest }.map { entries[$0].key }
        self.slots = slots
        self.indexes = indexes
        self.schedule = schedule
    }

    /// Parses a ring from text: entries `ID:KEY` or `ID:KEY@TIME` separated by commas, spaces,
    /// tabs or newlines. KEY is as ``SessionKey/init(id:text:)`` accepts it; TIME is the key's
    /// activation, RFC 3339 in UTC to the second (`2026-12-10T00:00:00Z`; `+00:00` is accepted
    /// for `Z`). Without activation times, the first entry seals.
    ///
    /// The copy of the text made here is zeroed after parsing; `text` itself cannot be (prefer
    /// ``init(contentsOfFile:)`` or ``init(environmentVariable:)``, which keep no copy).
    /// - Throws: ``SessionKeyError/invalidEntry(position:)``,
    ///   ``SessionKeyError/invalidActivation(position:)``,
    ///   ``SessionKeyError/activationNotUTC(position:)``, or an error of a key.
    public init(text: String) throws(SessionKeyError) {
        var utf8 = Array(text.utf8)
        self = try KeyText.parsing(&utf8, Self.init(utf8:))
    }

    /// Reads a ring (as ``init(text:)`` accepts it) from a file; every copy of its text is zeroed.
    public init(contentsOfFile path: String) throws(SessionKeyError) {
        var utf8 = try KeyText.contents(ofFile: path)
        self = try KeyText.parsing(&utf8, Self.init(utf8:))
    }

    /// Reads a ring (as ``init(text:)`` accepts it) from an environment variable; every copy of
    /// its text is zeroed (the environment itself is not changed).
    public init(environmentVariable name: String) throws(SessionKeyError) {
        var utf8 = try KeyText.environmentVariable(name)
        self = try KeyText.parsing(&utf8, Self.init(utf8:))
    }

    /// Parses ring text on its bytes, slicing rather than copying, so that zeroing `text` wipes
    /// every copy.
    init(utf8 text: [UInt8]) throws(SessionKeyError) {
        let isSeparator = { (byte: UInt8) in byte == UInt8(ascii: ",") || byte == 0x20 || (0x09...0x0D).contains(byte) }
        var entries: [Entry] = []
        for (offset, entry) in text.split(whereSeparator: isSeparator).enumerated() {
            let position = offset + 1
            guard let colon = entry.firstIndex(of: UInt8(ascii: ":")), colon + 1 < entry.endIndex,
                let id = UInt8(String(decoding: entry[..<colon], as: UTF8.self))
            else { throw .invalidEntry(position: position) }
            // Neither base64url nor hexadecimal has an `@`, so the first one ends the key.
            let at = entry[(colon + 1)...].firstIndex(of: UInt8(ascii: "@")) ?? entry.endIndex
            guard at > colon + 1 else { throw .invalidEntry(position: position) }
            var activation: Date?
            if at < entry.endIndex {
                switch ActivationTime.parse(entry[(at + 1)...]) {
                case .success(let date): activation = date
                case .failure(.notUTC): throw .activationNotUTC(position: position)
                case .failure(.malformed): throw .invalidActivation(position: position)
                }
            }
            entries.append(Entry(key: try SessionKey(id: id, utf8: entry[(colon + 1)..<at]), activation: activation))
        }
        try self.init(entries: entries)
    }

    /// The key with this id, if the ring holds one.
    public func key(withID id: UInt8) -> SessionKey? {
        Int(id) < slots.count ? slots[Int(id)] : nil
    }

    /// The key that seals at `date`: of the keys whose activation is not after `date` (keys
    /// without one included), the one with the latest activation, the first listed among equals.
    /// Nil when every key activates after `date`.
    public func sealingKey(at date: Date) -> SessionKey? {
        schedule.sealingIndex(at: date).map { entries[$0].key }
    }

    /// When the first key activates, if every key has an activation time: before it, no key
    /// seals. Nil when some key seals from the start.
    public var firstActivation: Date? { schedule.firstActivation }

    /// Whether a value sealed under the key `id` should be sealed again at `date`: the key ranks
    /// below the one sealing at `date` (an earlier activation, or listed after it among equals).
    /// False for a key that is still staged at `date`, which ranks above the sealing key: the
    /// value came from a node whose clock is ahead, and sealing it back would undo its switch.
    func needsResealing(keyID id: UInt8, at date: Date) -> Bool {
        guard Int(id) < indexes.count, let index = indexes[Int(id)] else { return true }
        guard let sealing = schedule.sealingIndex(at: date) else { return false }
        return schedule.ranks(index, below: sealing)
    }

    /// The ring as ``init(text:)`` reads it, one entry a line, in the order given; activation
    /// times are written to the second.
    ///
    /// This reveals every secret of the ring: write it only where secrets belong.
    public func exportText() -> String {
        entries.map { entry in
            "\(entry.key.id):\(entry.key.exportBase64URL())"
                + (entry.activation.map { "@\(ActivationTime.format($0))" } ?? "")
        }.joined(separator: "\n")
    }

    public var description: String {
        let staged = entries.filter { $0.activation != nil }
        return "KeyRing(primary: \(primary.id), older: \(older.map(\.id))"
            + (staged.isEmpty ? ")" : ", activations: \(staged.map(\.description)))")
    }
}
