/// The containers of ``TapeJSONDecoder``: positions in the tape, read through the decoder.
struct TapeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: TapeJSONDecoder
    let object: Int

    /// Empty, as the decoder's: errors get their path on the way out.
    var codingPath: [any CodingKey] { [] }

    var allKeys: [Key] { decoder.keys(ofObject: object, as: Key.self) }

    func contains(_ key: Key) -> Bool { decoder.valueIndex(of: key, inObject: object) != nil }

    private func value(_ key: Key) throws -> Int {
        guard let index = decoder.valueIndex(of: key, inObject: object) else {
            throw DecodingError.keyNotFound(
                key,
                DecodingError.Context(
                    codingPath: codingPath,
                    debugDescription: "No value associated with key \(key) (\"\(key.stringValue)\")."))
        }
        return index
    }

    /// Reads a scalar with the key on the coding path, for its error messages.
    private func scalar<T>(_ key: Key, _ read: (Int) throws -> T) throws -> T {
        let index = try value(key)
        return try decoder.withKey(key) { try read(index) }
    }

    func decodeNil(forKey key: Key) throws -> Bool { decoder.isNull(at: try value(key)) }

    // Optionals in one lookup each: the protocol's defaults look the key up three times
    // (`contains`, `decodeNil`, `decode`). Nil when the key is missing or its value is null.

    /// The value node of `key` unless it is missing or null.
    private func presentValue(_ key: Key) -> Int? {
        guard let index = decoder.valueIndex(of: key, inObject: object), !decoder.isNull(at: index) else { return nil }
        return index
    }

    private func optionalScalar<T>(_ key: Key, _ read: (Int) throws -> T) throws -> T? {
        guard let index = presentValue(key) else { return nil }
        return try decoder.withKey(key) { try read(index) }
    }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try optionalScalar(key, decoder.bool) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        try optionalScalar(key, decoder.string)
    }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
        try optionalScalar(key) { try decoder.floatingPoint(type, at: $0) }
    }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? {
        try optionalScalar(key) { try decoder.floatingPoint(type, at: $0) }
    }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        try optionalScalar(key) { try decoder.integer(type, at: $0) }
    }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? {
        try optionalScalar(key) { try decoder.integer(type, at: $0) }
    }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? {
        try optionalScalar(key) { try decoder.integer(type, at: $0) }
    }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? {
        try optionalScalar(key) { try decoder.integer(type, at: $0) }
    }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? {
        try optionalScalar(key) { try decoder.integer(type, at: $0) }
    }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? {
        try optionalScalar(key) { try decoder.integer(type, at: $0) }
    }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? {
        try optionalScalar(key) { try decoder.integer(type, at: $0) }
    }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? {
        try optionalScalar(key) { try decoder.integer(type, at: $0) }
    }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? {
        try optionalScalar(key) { try decoder.integer(type, at: $0) }
    }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? {
        try optionalScalar(key) { try decoder.integer(type, at: $0) }
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let index = presentValue(key) else { return nil }
        return try decoder.withKey(key) { try decoder.decodeValue(type, at: index) }
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try scalar(key, decoder.bool) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try scalar(key, decoder.string) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
        try scalar(key) { try decoder.floatingPoint(type, at: $0) }
    }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
        try scalar(key) { try decoder.floatingPoint(type, at: $0) }
    }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int {
        try scalar(key) { try decoder.integer(type, at: $0) }
    }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 {
        try scalar(key) { try decoder.integer(type, at: $0) }
    }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 {
        try scalar(key) { try decoder.integer(type, at: $0) }
    }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 {
        try scalar(key) { try decoder.integer(type, at: $0) }
    }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 {
        try scalar(key) { try decoder.integer(type, at: $0) }
    }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt {
        try scalar(key) { try decoder.integer(type, at: $0) }
    }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 {
        try scalar(key) { try decoder.integer(type, at: $0) }
    }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 {
        try scalar(key) { try decoder.integer(type, at: $0) }
    }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 {
        try scalar(key) { try decoder.integer(type, at: $0) }
    }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 {
        try scalar(key) { try decoder.integer(type, at: $0) }
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let index = try value(key)
        return try decoder.withKey(key) { try decoder.decodeValue(type, at: index) }
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
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
    // Three words at most, so the container fits an existential's inline buffer and
    // `unkeyedContainer()` allocates nothing.
    let decoder: TapeJSONDecoder
    private let array: Int32
    private var index: Int32 = 0
    /// The node of the element at `currentIndex`.
    private var position: Int32

    init(decoder: TapeJSONDecoder, array: Int) {
        self.decoder = decoder
        self.array = Int32(array)
        position = Int32(array + 1)
    }

    /// Empty, as the decoder's: errors get their path on the way out.
    var codingPath: [any CodingKey] { [] }
    var currentIndex: Int { Int(index) }
    var count: Int? { Int(decoder.node(Int(array)).count) }
    var isAtEnd: Bool { index >= decoder.node(Int(array)).count }

    private func checkNotAtEnd(_ type: Any.Type) throws {
        guard isAtEnd else { return }
        throw DecodingError.valueNotFound(
            type,
            DecodingError.Context(
                codingPath: [TapeIndexKey(index: currentIndex)], debugDescription: "Unkeyed container is at end."))
    }

    private mutating func next<T>(_ type: T.Type, _ read: (Int) throws -> T) throws -> T {
        try checkNotAtEnd(type)
        let node = Int(position)
        let value = try decoder.withKey(TapeIndexKey(index: currentIndex)) { try read(node) }
        position = decoder.node(node).next
        index += 1
        return value
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, decoder.isNull(at: Int(position)) else { return false }
        position += 1
        index += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try next(type) { [decoder] in try decoder.bool(at: $0) } }
    mutating func decode(_ type: String.Type) throws -> String {
        try next(type) { [decoder] in try decoder.string(at: $0) }
    }
    mutating func decode(_ type: Double.Type) throws -> Double {
        try next(type) { [decoder] in try decoder.floatingPoint(type, at: $0) }
    }
    mutating func decode(_ type: Float.Type) throws -> Float {
        try next(type) { [decoder] in try decoder.floatingPoint(type, at: $0) }
    }
    mutating func decode(_ type: Int.Type) throws -> Int {
        try next(type) { [decoder] in try decoder.integer(type, at: $0) }
    }
    mutating func decode(_ type: Int8.Type) throws -> Int8 {
        try next(type) { [decoder] in try decoder.integer(type, at: $0) }
    }
    mutating func decode(_ type: Int16.Type) throws -> Int16 {
        try next(type) { [decoder] in try decoder.integer(type, at: $0) }
    }
    mutating func decode(_ type: Int32.Type) throws -> Int32 {
        try next(type) { [decoder] in try decoder.integer(type, at: $0) }
    }
    mutating func decode(_ type: Int64.Type) throws -> Int64 {
        try next(type) { [decoder] in try decoder.integer(type, at: $0) }
    }
    mutating func decode(_ type: UInt.Type) throws -> UInt {
        try next(type) { [decoder] in try decoder.integer(type, at: $0) }
    }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 {
        try next(type) { [decoder] in try decoder.integer(type, at: $0) }
    }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 {
        try next(type) { [decoder] in try decoder.integer(type, at: $0) }
    }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 {
        try next(type) { [decoder] in try decoder.integer(type, at: $0) }
    }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 {
        try next(type) { [decoder] in try decoder.integer(type, at: $0) }
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try checkNotAtEnd(type)
        let node = Int(position)
        let value = try decoder.withKey(TapeIndexKey(index: currentIndex)) { [decoder] in
            try decoder.decodeValue(type, at: node)
        }
        position = decoder.node(node).next
        index += 1
        return value
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<
        NestedKey
    > {
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

    /// Empty, as the decoder's: errors get their path on the way out.
    var codingPath: [any CodingKey] { [] }

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
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decodeValue(type, at: index) }
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
