/// The containers of ``StreamingJSONEncoder``: each knows its frame and writes through the
/// encoder, which keeps the frames in order.
struct StreamingKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: StreamingJSONEncoder
    let frame: Int

    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws {
        encoder.beginEntry(of: frame, key: key.stringValue)
        encoder.writerAppendLiteral("null")
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        encoder.beginEntry(of: frame, key: key.stringValue)
        encoder.writeBool(value)
    }

    mutating func encode(_ value: String, forKey key: Key) throws {
        encoder.beginEntry(of: frame, key: key.stringValue)
        encoder.writeString(value)
    }

    mutating func encode(_ value: Double, forKey key: Key) throws {
        encoder.beginEntry(of: frame, key: key.stringValue)
        try encoder.encodeDouble(value)
    }

    mutating func encode(_ value: Float, forKey key: Key) throws {
        encoder.beginEntry(of: frame, key: key.stringValue)
        try encoder.encodeDouble(value)
    }

    mutating func encode(_ value: Int, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try integer(value, key) }

    private func integer<T: FixedWidthInteger>(_ value: T, _ key: Key) throws {
        encoder.beginEntry(of: frame, key: key.stringValue)
        encoder.writeInteger(value)
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        encoder.beginEntry(of: frame, key: key.stringValue)
        try encoder.encodeValue(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        encoder.beginEntry(of: frame, key: key.stringValue)
        return KeyedEncodingContainer(
            StreamingKeyedContainer<NestedKey>(encoder: encoder, frame: encoder.openNested(isObject: true)))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        encoder.beginEntry(of: frame, key: key.stringValue)
        return StreamingUnkeyedContainer(encoder: encoder, frame: encoder.openNested(isObject: false))
    }

    mutating func superEncoder() -> any Encoder {
        encoder.isUnsupported = true
        return encoder
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        encoder.isUnsupported = true
        return encoder
    }
}

struct StreamingUnkeyedContainer: UnkeyedEncodingContainer {
    let encoder: StreamingJSONEncoder
    let frame: Int
    private(set) var count = 0

    init(encoder: StreamingJSONEncoder, frame: Int) {
        self.encoder = encoder
        self.frame = frame
    }

    var codingPath: [any CodingKey] { [] }

    private mutating func next() {
        encoder.beginElement(of: frame)
        count += 1
    }

    mutating func encodeNil() throws {
        next()
        encoder.writerAppendLiteral("null")
    }

    mutating func encode(_ value: Bool) throws {
        next()
        encoder.writeBool(value)
    }

    mutating func encode(_ value: String) throws {
        next()
        encoder.writeString(value)
    }

    mutating func encode(_ value: Double) throws {
        next()
        try encoder.encodeDouble(value)
    }

    mutating func encode(_ value: Float) throws {
        next()
        try encoder.encodeDouble(value)
    }

    mutating func encode(_ value: Int) throws { integer(value) }
    mutating func encode(_ value: Int8) throws { integer(value) }
    mutating func encode(_ value: Int16) throws { integer(value) }
    mutating func encode(_ value: Int32) throws { integer(value) }
    mutating func encode(_ value: Int64) throws { integer(value) }
    mutating func encode(_ value: UInt) throws { integer(value) }
    mutating func encode(_ value: UInt8) throws { integer(value) }
    mutating func encode(_ value: UInt16) throws { integer(value) }
    mutating func encode(_ value: UInt32) throws { integer(value) }
    mutating func encode(_ value: UInt64) throws { integer(value) }

    private mutating func integer<T: FixedWidthInteger>(_ value: T) {
        next()
        encoder.writeInteger(value)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        next()
        try encoder.encodeValue(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<
        NestedKey
    > {
        next()
        return KeyedEncodingContainer(
            StreamingKeyedContainer<NestedKey>(encoder: encoder, frame: encoder.openNested(isObject: true)))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        next()
        return StreamingUnkeyedContainer(encoder: encoder, frame: encoder.openNested(isObject: false))
    }

    mutating func superEncoder() -> any Encoder {
        encoder.isUnsupported = true
        return encoder
    }
}

struct StreamingSingleValueContainer: SingleValueEncodingContainer {
    let encoder: StreamingJSONEncoder

    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { encoder.writerAppendLiteral("null") }
    mutating func encode(_ value: Bool) throws { encoder.writeBool(value) }
    mutating func encode(_ value: String) throws { encoder.writeString(value) }
    mutating func encode(_ value: Double) throws { try encoder.encodeDouble(value) }
    mutating func encode(_ value: Float) throws { try encoder.encodeDouble(value) }
    mutating func encode(_ value: Int) throws { encoder.writeInteger(value) }
    mutating func encode(_ value: Int8) throws { encoder.writeInteger(value) }
    mutating func encode(_ value: Int16) throws { encoder.writeInteger(value) }
    mutating func encode(_ value: Int32) throws { encoder.writeInteger(value) }
    mutating func encode(_ value: Int64) throws { encoder.writeInteger(value) }
    mutating func encode(_ value: UInt) throws { encoder.writeInteger(value) }
    mutating func encode(_ value: UInt8) throws { encoder.writeInteger(value) }
    mutating func encode(_ value: UInt16) throws { encoder.writeInteger(value) }
    mutating func encode(_ value: UInt32) throws { encoder.writeInteger(value) }
    mutating func encode(_ value: UInt64) throws { encoder.writeInteger(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try encoder.encodeValue(value) }
}
