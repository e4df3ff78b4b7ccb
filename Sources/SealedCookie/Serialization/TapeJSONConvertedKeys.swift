/// Dictionaries whose keys are not strings, read with the duplicate-key rule applied after the
/// keys are converted: two JSON keys that become one dictionary key are a duplicate.
///
/// `Dictionary.init(from:)` converts `"1"`, `"01"`, `"+1"` and `"-0"` alike with `Int(_:)` and
/// keeps whichever entry it meets last (in Foundation's `JSONDecoder`, which one varies from
/// run to run: it walks the keys in hash order). So a `[Int: V]` written `{"1":a,"01":b}` would
/// mean `a` to one reader and `b` to another. Here an integer key must be spelled as the
/// encoder writes it (`String(value)`: no sign but `-`, no leading zero, no `-0`, no
/// whitespace), and a dictionary that still ends up with the same key twice is refused with
/// the duplicate-key error of ``TapeJSONDecoder/checkKeys(ofObject:)``.
///
/// The forms of `Dictionary.init(from:)` after its `String` one are kept, in its order: `Int`
/// keys and keys that are `CodingKeyRepresentable` come from an object, any other key type
/// from an array of alternating keys and values.
extension Dictionary where Key: Decodable, Value: Decodable {
    /// ``TapeDecodableCollection/decode(from:at:into:)`` for a dictionary whose keys are not
    /// `String`.
    static func decodeConvertedKeys(
        from decoder: TapeJSONDecoder, at index: Int, into slot: UnsafeMutableRawPointer
    ) throws {
        let result: [Key: Value]
        if Key.self == Int.self {
            result = try decodeObject(from: decoder, at: index) { name in
                guard let value = canonicalInteger(name) else {
                    throw DecodingError.typeMismatch(
                        Int.self,
                        DecodingError.Context(
                            codingPath: [TapeIndexKey(stringValue: name)],
                            debugDescription: Int(name) == nil
                                ? "Expected Int key but found String key instead."
                                : "An Int key is not written as its canonical decimal (no '+', leading zero or '-0')."
                        ))
                }
                // Sound: `Key` is exactly `Int`.
                return unsafeBitCast(value, to: Key.self)
            }
        } else if let representable = Key.self as? any CodingKeyRepresentable.Type {
            result = try decodeObject(from: decoder, at: index) { name in
                guard let key = representable.init(codingKey: TapeDictionaryKey(name)) as? Key else {
                    throw DecodingError.dataCorrupted(
                        DecodingError.Context(
                            codingPath: [TapeIndexKey(stringValue: name)],
                            debugDescription: "Could not convert key to type \(Key.self)"))
                }
                return key
            }
        } else {
            result = try decodePairs(from: decoder, at: index)
        }
        slot.initializeMemory(as: [Key: Value].self, to: result)
    }

    /// The entries of the object at `index`, each key converted by `convert`.
    private static func decodeObject(
        from decoder: TapeJSONDecoder, at index: Int, _ convert: (String) throws -> Key
    ) throws -> [Key: Value] {
        let node = decoder.node(index)
        guard node.kind == .object else { throw decoder.mismatch([String: Any].self, at: index) }
        try decoder.checkKeys(ofObject: index)
        var result: [Key: Value] = .init(minimumCapacity: Int(node.count))
        var keyIndex = index + 1
        for _ in 0..<Int(node.count) {
            let name = try decoder.string(at: keyIndex)
            let key = try convert(name)
            let valueIndex = keyIndex + 1
            let value = try decoder.withKey(TapeIndexKey(stringValue: name)) {
                try decoder.decodeValue(Value.self, at: valueIndex)
            }
            guard result.updateValue(value, forKey: key) == nil else { throw decoder.duplicateKey() }
            keyIndex = Int(decoder.node(valueIndex).next)
        }
        return result
    }

    /// The entries of the array at `index`: key, value, key, value …
    private static func decodePairs(from decoder: TapeJSONDecoder, at index: Int) throws -> [Key: Value] {
        let node = decoder.node(index)
        guard node.kind == .array else { throw decoder.mismatch([Any].self, at: index) }
        guard node.count % 2 == 0 else {
            throw decoder.corrupted("Expected collection of key-value pairs; encountered odd-length array instead.")
        }
        var result: [Key: Value] = .init(minimumCapacity: Int(node.count) / 2)
        var position = index + 1
        for offset in stride(from: 0, to: Int(node.count), by: 2) {
            let keyIndex = position
            let key = try decoder.withKey(TapeIndexKey(index: offset)) {
                try decoder.decodeValue(Key.self, at: keyIndex)
            }
            let valueIndex = Int(decoder.node(keyIndex).next)
            let value = try decoder.withKey(TapeIndexKey(index: offset + 1)) {
                try decoder.decodeValue(Value.self, at: valueIndex)
            }
            guard result.updateValue(value, forKey: key) == nil else { throw decoder.duplicateKey() }
            position = Int(decoder.node(valueIndex).next)
        }
        return result
    }
}

/// The integer `text` spells the way `String(_:)` writes it, or nil.
private func canonicalInteger(_ text: String) -> Int? {
    guard let value = Int(text), String(value) == text else { return nil }
    return value
}

/// The key a `CodingKeyRepresentable` type converts from: the JSON key as its string value,
/// and as its integer value only when canonically spelled (so an `Int`-backed key type meets
/// `"01"` as a string it does not know, rather than as 1).
private struct TapeDictionaryKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(_ name: String) {
        stringValue = name
        intValue = canonicalInteger(name)
    }

    init?(stringValue: String) { self.init(stringValue) }

    init?(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }
}
