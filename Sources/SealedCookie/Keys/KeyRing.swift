/// The keys a ``SessionCodec`` uses: one primary key that seals, and older keys that only open.
///
/// A cookie names its key by id, so opening picks the key directly (no trial decryption).
/// Rotate by making a new primary key and keeping the old one in `older` until the longest
/// session lifetime has passed; cookies opened with an older key are reported by
/// ``OpenedSession/needsResealing`` so the cookie layer can re-seal them under the new key.
///
/// ```swift
/// let ring = try KeyRing(text: "2:<new key>, 1:<old key>")   // first entry is primary
/// ```
public struct KeyRing: Sendable, CustomStringConvertible {
    /// The key that seals every new value.
    public let primary: SessionKey
    /// Keys that still open values but never seal.
    public let older: [SessionKey]
    /// Keys by id, for the lookup on every open.
    private let slots: [SessionKey?]

    /// Makes a ring; every key needs its own id.
    public init(primary: SessionKey, older: [SessionKey] = []) throws(SessionKeyError) {
        var slots = [SessionKey?](repeating: nil, count: Int(SessionKey.maxID) + 1)
        for key in [primary] + older {
            guard slots[Int(key.id)] == nil else { throw .duplicateKeyID(key.id) }
            slots[Int(key.id)] = key
        }
        self.primary = primary
        self.older = older
        self.slots = slots
    }

    /// Parses a ring from text: entries `ID:KEY` separated by commas, spaces, tabs or newlines;
    /// the first entry is the primary key. KEY is as ``SessionKey/init(id:text:)`` accepts it.
    ///
    /// The copy of the text made here is zeroed after parsing; `text` itself cannot be (prefer
    /// ``init(contentsOfFile:)`` or ``init(environmentVariable:)``, which keep no copy).
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
        var keys: [SessionKey] = []
        for (position, entry) in text.split(whereSeparator: isSeparator).enumerated() {
            guard let colon = entry.firstIndex(of: UInt8(ascii: ":")), colon + 1 < entry.endIndex,
                let id = UInt8(String(decoding: entry[..<colon], as: UTF8.self))
            else { throw .invalidEntry(position: position + 1) }
            keys.append(try SessionKey(id: id, utf8: entry[(colon + 1)...]))
        }
        guard let primary = keys.first else { throw .emptyRing }
        try self.init(primary: primary, older: Array(keys.dropFirst()))
    }

    /// The key with this id, if the ring holds one.
    public func key(withID id: UInt8) -> SessionKey? {
        Int(id) < slots.count ? slots[Int(id)] : nil
    }

    public var description: String {
        "KeyRing(primary: \(primary.id), older: \(older.map(\.id)))"
    }
}
