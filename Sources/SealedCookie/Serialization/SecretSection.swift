import Foundation

/// Collects the values of ``SessionSecret`` fields while a session is serialized: each is
/// appended as `LEB128(length) || JSON` and its field gets the entry's index (SPEC.md,
/// "Secret section").
///
/// One writer serves one `serialize` call on one thread; it is `Sendable` only so that it can
/// travel in Foundation's `JSONEncoder.userInfo` (the streaming encoder holds it directly).
final class SecretSectionWriter: @unchecked Sendable {
    /// For Foundation's encoder. Always made: the raw value is a valid key (the initializer is
    /// failable only in form).
    static let userInfoKey = CodingUserInfoKey(rawValue: "SealedCookie.SecretSection.writer")

    private(set) var bytes: [UInt8] = []
    private var count = 0

    /// Appends `value` and returns its index.
    func append<Value: Encodable>(_ value: Value) throws -> Int {
        var json = try JSONText.encode(value)
        defer { json.zeroize() }
        LEB128.encode(UInt64(json.count), into: &bytes)
        bytes += json
        count += 1
        return count - 1
    }

    /// Forgets what was collected (wiping it), for a second attempt at the same session.
    func reset() {
        bytes.zeroize()
        bytes.removeAll()
        count = 0
    }
}

/// The entries of a secret section, read back for ``SessionSecret`` fields while a session is
/// deserialized.
final class SecretSectionReader {
    private var bytes: [UInt8]
    private let entries: [Range<Int>]

    /// Splits a section into its entries; nil when it is not a sequence of complete
    /// `LEB128(length) || bytes` entries.
    init?(_ bytes: [UInt8]) {
        var entries: [Range<Int>] = []
        var offset = 0
        let complete = bytes.withUnsafeBytes { raw in
            while offset < raw.count {
                guard let (length, start) = LEB128.decode(raw, at: offset, maxBytes: 4),
                    length <= UInt64(raw.count - start)
                else { return false }
                entries.append(start..<start + Int(length))
                offset = start + Int(length)
            }
            return true
        }
        guard complete else { return nil }
        self.bytes = bytes
        self.entries = entries
    }

    deinit {
        bytes.zeroize()
    }

    /// The value of entry `index`.
    func value<Value: Decodable>(at index: Int, as type: Value.Type, codingPath: [any CodingKey]) throws -> Value {
        guard entries.indices.contains(index) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: codingPath, debugDescription: "No secret section entry \(index)."))
        }
        var json = Array(bytes[entries[index]])
        defer { json.zeroize() }
        return try TapeJSONDecoder.decode(Value.self, from: json)
    }
}
