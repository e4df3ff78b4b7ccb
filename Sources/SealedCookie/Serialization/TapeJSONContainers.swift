/// The containers of ``TapeJSONDecoder``: positions in the tape, read through the decoder.
struct TapeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: TapeJSONDecoder
    let object: Int
    /// How much of the decoder's coding path is this container's (kept as a count rather than
    /// a copy, so the decoder's path is never shared and grows without copying).
    let depth: Int

    init(decoder: TapeJSONDecoder, object: Int) {
        self.decoder = decoder
        self.object = object
        depth = decoder.codingPath.count
    }

    var codingPath: [any CodingKey] { Array(decoder.codingPath.prefix(depth)) }

    var allKeys: [Key] { decoder.keys(ofObject: object).compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { decoder.valueIndex(of: key, inObject: object) != nil }

    private func value(_ key: Key) throws -> Int {
        guard let index = decoder.valueIndex(of: key, inObject: object) else {
            throw DecodingError.keyNotFound(
                key,
                DecodingError.Context(
                    codingPath: codingPath, debugDescription: "No value associated with key \(key) (\"\(key.stringValue)\")."))
        }
        return index
    }

    /// Reads a scalar with the key on the coding path, for its error messages.
    private func scalar<T>(_ key: Key, _ read: (Int) throws -> T) throws -> T {
        let index = try value(key)
        return try decoder.withKey(key) { try read(index) }
    }

    func decodeNil(forKey key: Key) throws -> Bool { decoder.isNull(at: try value(key)) }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try scalar(key, decoder.bool) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try scalar(key, decoder.string) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try scalar(key) { try decoder.floatingPoint(type, at: $0) } }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try scalar(key) { try decoder.floatingPoint(type, at: $0) } }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try scalar(key) { try decoder.integer(type, at: $0) } }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try scalar(key) { try decoder.integer(type, at: $0) } }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try scalar(key) { try decoder.integer(type, at: $0) } }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try scalar(key) { try decoder.integer(type, at: $0) } }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try scalar(key) { try decoder.integer(type, at: $0) } }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try scalar(key) { try decoder.integer(type, at: $0) } }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try scalar(key) { try decoder.integer(type, at: $0) } }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try scalar(key) { try decoder.integer(type, at: $0) } }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try scalar(key) { try decoder.integer(type, at: $0) } }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try scalar(key) { try decoder.integer(type, at: $0) } }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decoder.decodeValue(type, at: try value(key), key: key)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        let index = try value(key)
        guard decoder.node(index).kind == .object else { throw decoder.mismatch([String: Any].self, at: index) }
        return KeyedDecodingContainer(TapeKeyedContainer<NestedKey>(decoder: decoder, object: index))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        let index = try value(key)
        guard decoder.node(index).kind == .array else { throw decoder.mismatch([Any].self, at: index) }
        return TapeUnkeyedContainer(decoder: decoder, array: index)
    }

    func superDecoder() throws -> any Decoder { try superDecoder(named: "super") }
    func superDecoder(forKey key: Key) throws -> any Decoder { try superDecoder(named: key.stringValue) }

    private func superDecoder(named name: String) throws -> any Decoder {
        try decoder.subDecoder(at: decoder.valueIndex(of: TapeIndexKey(stringValue: name), inObject: object))
    }
}

struct TapeUnkeyedContainer: UnkeyedDecodingContainer {
    let decoder: TapeJSONDecoder
    let array: Int
    /// As in ``TapeKeyedContainer``.
    let depth: Int
    private(set) var currentIndex = 0
    /// The node of the element at `currentIndex`.
    private var position: Int

    init(decoder: TapeJSONDecoder, array: Int) {
        self.decoder = decoder
        self.array = array
        depth = decoder.codingPath.count
        position = array + 1
    }

    var codingPath: [any CodingKey] { Array(decoder.codingPath.prefix(depth)) }

    var count: Int? { Int(decoder.node(array).count) }
    var isAtEnd: Bool { currentIndex >= Int(decoder.node(array).count) }

    private func checkNotAtEnd(_ type: Any.Type) throws {
        guard isAtEnd else { return }
        throw DecodingError.valueNotFound(
            type,
            DecodingError.Context(
                codingPath: codingPath + [TapeIndexKey(index: currentIndex)], debugDescription: "Unkeyed container is at end."))
    }

    private mutating func next<T>(_ type: T.Type, _ read: (Int) throws -> T) throws -> T {
        try checkNotAtEnd(type)
        let index = position
        let value = try decoder.withKey(TapeIndexKey(index: currentIndex)) { try read(index) }
        position = Int(decoder.node(index).next)
        currentIndex += 1
        return value
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, decoder.isNull(at: position) else { return false }
        position += 1
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try next(type) { [decoder] in try decoder.bool(at: $0) } }
    mutating func decode(_ type: String.Type) throws -> String { try next(type) { [decoder] in try decoder.string(at: $0) } }
    mutating func decode(_ type: Double.Type) throws -> Double { try next(type) { [decoder] in try decoder.floatingPoint(type, at: $0) } }
    mutating func decode(_ type: Float.Type) throws -> Float { try next(type) { [decoder] in try decoder.floatingPoint(type, at: $0) } }
    mutating func decode(_ type: Int.Type) throws -> Int { try next(type) { [decoder] in try decoder.integer(type, at: $0) } }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next(type) { [decoder] in try decoder.integer(type, at: $0) } }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next(type) { [decoder] in try decoder.integer(type, at: $0) } }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next(type) { [decoder] in try decoder.integer(type, at: $0) } }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next(type) { [decoder] in try decoder.integer(type, at: $0) } }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next(type) { [decoder] in try decoder.integer(type, at: $0) } }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next(type) { [decoder] in try decoder.integer(type, at: $0) } }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next(type) { [decoder] in try decoder.integer(type, at: $0) } }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next(type) { [decoder] in try decoder.integer(type, at: $0) } }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next(type) { [decoder] in try decoder.integer(type, at: $0) } }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try checkNotAtEnd(type)
        let value = try decoder.decodeValue(type, at: position, key: TapeIndexKey(index: currentIndex))
        position = Int(decoder.node(position).next)
        currentIndex += 1
        return value
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let index = try next(Int.self) { $0 }
        guard decoder.node(index).kind == .object else { throw decoder.mismatch([String: Any].self, at: index) }
        return KeyedDecodingContainer(TapeKeyedContainer<NestedKey>(decoder: decoder, object: index))
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let index = try next(Int.self) { $0 }
        guard decoder.node(index).kind == .array else { throw decoder.mismatch([Any].self, at: index) }
        return TapeUnkeyedContainer(decoder: decoder, array: index)
    }

    mutating func superDecoder() throws -> any Decoder {
        let index = try next(Int.self) { $0 }
        return try decoder.subDecoder(at: index)
    }
}

struct TapeSingleValueContainer: SingleValueDecodingContainer {
    let decoder: TapeJSONDecoder
    let index: Int

    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool { decoder.isNull(at: index) }
    func decode(_ type: Bool.Type) throws -> Bool { try decoder.bool(at: index) }
    func decode(_ type: String.Type) throws -> String { try decoder.string(at: index) }
    func decode(_ type: Double.Type) throws -> Double { try decoder.floatingPoint(type, at: index) }
    func decode(_ type: Float.Type) throws -> Float { try decoder.floatingPoint(type, at: index) }
    func decode(_ type: Int.Type) throws -> Int { try decoder.integer(type, at: index) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decoder.integer(type, at: index) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decoder.integer(type, at: index) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decoder.integer(type, at: index) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decoder.integer(type, at: index) }
    func decode(_ type: UInt.Type) throws -> UInt { try decoder.integer(type, at: index) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.integer(type, at: index) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.integer(type, at: index) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.integer(type, at: index) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.integer(type, at: index) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decodeValue(type, at: index, key: nil) }
}

/// An array position or an arbitrary name on a coding path.
struct TapeIndexKey: CodingKey {
    // Two stored words at most, so the key fits an existential's inline buffer: walking an
    // array allocates nothing.
    private let index: Int
    private let name: String?

    /// Spelled out only when asked for (error messages).
    var stringValue: String { name ?? "Index \(index)" }
    var intValue: Int? { name == nil ? index : nil }

    init(index: Int) {
        self.index = index
        name = nil
    }

    init(stringValue: String) {
        index = 0
        name = stringValue
    }

    init?(intValue: Int) {
        self.init(index: intValue)
    }
}
