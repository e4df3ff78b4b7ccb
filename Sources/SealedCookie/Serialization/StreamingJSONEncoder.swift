import Foundation

/// Encodes an `Encodable` value straight into compact JSON bytes, with the output of
/// Foundation's `JSONEncoder` configured with `[.sortedKeys, .withoutEscapingSlashes]` and
/// default strategies, but without building a tree of boxed values first.
///
/// Containers are written as they are used. An object's entries are reordered by key when it
/// closes. A value that uses containers out of order (writing to a container after a later one
/// was opened), a super encoder, or the same key twice cannot be streamed:
/// ``encode(_:capacity:)`` returns nil for it and the caller uses Foundation instead.
final class StreamingJSONEncoder: Encoder {
    /// An open object or array.
    struct Frame {
        let id: Int
        let isObject: Bool
        /// The `encode(to:)` call that opened it; nested containers have none (-1).
        let slot: Int
        /// Where this object's entries start in `entries`.
        let entriesStart: Int
        var isEmpty = true
    }

    /// One key-value pair of an open object: its key and where it starts in the output.
    struct Entry {
        let key: String
        let start: Int
        /// The key's first eight UTF-8 bytes, big-endian and zero-padded: ordering by it is
        /// ordering by the bytes, so most comparisons end here, without touching the strings.
        let prefix: UInt64
    }

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    /// Whether ``SessionSecret`` values go to a secret section (``appendSecret(_:)``) rather
    /// than in place.
    let collectsSecrets: Bool
    /// The secret section, made when the first secret is met: sessions without secrets pay
    /// nothing for it.
    @exclusivity(unchecked) private(set) var secretSection: SecretSectionWriter?

    // An encoder lives for one `encode` call on one thread and is never shared, so the
    // runtime's exclusivity checks on its state (a fifth of the time otherwise) are skipped.
    @exclusivity(unchecked) private(set) var writer: JSONWriter
    @exclusivity(unchecked) private var frames = ScratchStack<Frame>()
    @exclusivity(unchecked) private var entries = ScratchStack<Entry>()
    @exclusivity(unchecked) private var nextFrameID = 0
    @exclusivity(unchecked) private var nextSlot = 0
    @exclusivity(unchecked) private var currentSlot = -1
    /// The last type met that is not a collection, and its conformance to
    /// ``SessionJSONCodable`` (nil when it has none).
    @exclusivity(unchecked) private var lastType: ObjectIdentifier?
    @exclusivity(unchecked) private var lastFields: (any SessionJSONCodable.Type)?
    /// Set when the value cannot be streamed; the output is then discarded.
    @exclusivity(unchecked) var isUnsupported = false

    private init(collectsSecrets: Bool) {
        self.collectsSecrets = collectsSecrets
        writer = JSONWriter()
    }

    deinit {
        writer.deallocate()
        frames.release()
        entries.release()
    }

    /// The JSON bytes of `value`, or nil when it must go through Foundation's encoder instead.
    static func encode<T: Encodable>(_ value: T, capacity: Int = 4096) throws -> [UInt8]? {
        let encoder = StreamingJSONEncoder(collectsSecrets: false)
        let bytes = try encoder.run(value, capacity: capacity)
        return encoder.isUnsupported ? nil : bytes
    }

    /// Encodes `value` straight into the storage of the array returned (no copy, no second
    /// allocation) while it fits `capacity` bytes, the cookie size limit by default; a larger
    /// value moves to a buffer of the writer's own and is copied out.
    private func run<T: Encodable>(_ value: T, capacity: Int) throws -> [UInt8] {
        // Frames and entries on the stack while they fit (1 KiB each at most, which the
        // standard library always places on the stack); they move to the heap beyond.
        try withUnsafeTemporaryAllocation(of: Frame.self, capacity: 16) { frameSpace in
            try withUnsafeTemporaryAllocation(of: Entry.self, capacity: 1024 / MemoryLayout<Entry>.stride) {
                entrySpace in
                frames = ScratchStack(borrowing: frameSpace)
                entries = ScratchStack(borrowing: entrySpace)
                defer {
                    frames.release()
                    entries.release()
                }
                return try write(value, capacity: capacity)
            }
        }
    }

    private func write<T: Encodable>(_ value: T, capacity: Int) throws -> [UInt8] {
        var grown: [UInt8]?
        let bytes = try [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            writer = JSONWriter(borrowing: buffer)
            // Nothing may write into the array once it is made, even an encoder kept by a
            // value's `encode(to:)`.
            defer { writer.detach() }
            try encodeValue(value)
            if writer.isBorrowing {
                initialized = writer.count
            } else {
                grown = writer.makeArray()
            }
        }
        return grown ?? bytes
    }

    /// The JSON bytes of `value` with its ``SessionSecret`` values in a secret section, or nil
    /// when it must go through Foundation's encoder instead.
    static func encodeKeepingSecretsApart<T: Encodable>(_ value: T) throws -> (body: [UInt8], secrets: [UInt8])? {
        let encoder = StreamingJSONEncoder(collectsSecrets: true)
        let body = try encoder.run(value, capacity: 4096)
        if encoder.isUnsupported {
            encoder.secretSection?.reset()
            return nil
        }
        return (body, encoder.secretSection?.bytes ?? [])
    }

    /// Appends a secret value to the section and returns its index.
    func appendSecret<Value: Encodable>(_ value: Value) throws -> Int {
        let section = secretSection ?? SecretSectionWriter()
        secretSection = section
        return try section.append(value)
    }

    // MARK: Values

    func encodeValue<T: Encodable>(_ value: T) throws {
        if encodeCommonScalar(value) || encodeFoundationValue(value) { return }
        // Each conformance check is a runtime lookup: the elements of an array of structs skip
        // them after the first.
        if ObjectIdentifier(T.self) != lastType {
            if let collection = T.self as? any StreamingEncodableCollection.Type {
                // Sound: `collection` is `T`, the type of the value pointed to.
                try withUnsafePointer(to: value) { try collection.encode(UnsafeRawPointer($0), to: self) }
                return
            }
            lastType = ObjectIdentifier(T.self)
            lastFields = T.self as? any SessionJSONCodable.Type
        }
        if let fields = lastFields {
            // Sound: `fields` is `T`, the type of the value pointed to.
            try withUnsafePointer(to: value) { try encodeFields(of: fields, at: UnsafeRawPointer($0)) }
            return
        }
        let mark = frames.count
        let before = writer.count
        let savedSlot = currentSlot
        nextSlot += 1
        currentSlot = nextSlot
        defer { currentSlot = savedSlot }
        try value.encode(to: self)
        close(downTo: mark)
        // A value that encodes nothing is an empty object, as in Foundation.
        if writer.count == before { writer.appendLiteral("{}") }
    }

    /// `{…}` with the fields a ``SessionJSONCodable`` value writes itself (no keyed container,
    /// no box, no key sort: its keys come in order).
    private func encodeFields<Value: SessionJSONCodable>(of type: Value.Type, at pointer: UnsafeRawPointer) throws {
        writer.append(UInt8(ascii: "{"))
        var fields = SessionJSONWriter(encoder: self)
        try pointer.assumingMemoryBound(to: Value.self).pointee.encodeJSONFields(to: &fields)
        writer.append(UInt8(ascii: "}"))
    }

    /// Writes the scalars that arrays and dictionaries hold most often directly, rather than
    /// through their `encode(to:)` and a single-value container; false for other types.
    private func encodeCommonScalar<T: Encodable>(_ value: T) -> Bool {
        // The casts are sound: each is guarded by the metatype being exactly that type.
        if T.self == String.self {
            writer.appendString(unsafeBitCast(value, to: String.self))
        } else if T.self == Int.self {
            writer.appendInteger(unsafeBitCast(value, to: Int.self))
        } else if T.self == Bool.self {
            writeBool(unsafeBitCast(value, to: Bool.self))
        } else {
            return false
        }
        return true
    }

    /// Foundation writes these types its own way rather than through their `encode(to:)`;
    /// returns false for every other type.
    private func encodeFoundationValue<T: Encodable>(_ value: T) -> Bool {
        if T.self == Data.self, let data = value as? Data {
            writer.appendString(data.base64EncodedString())
        } else if T.self == URL.self, let url = value as? URL {
            writer.appendString(url.absoluteString)
        } else if T.self == Decimal.self, let decimal = value as? Decimal {
            writer.appendText(decimal.description)
        } else {
            return false
        }
        return true
    }

    func writerAppend(_ byte: UInt8) {
        writer.append(byte)
    }

    /// `"key":` for a field of a ``SessionJSONCodable`` value.
    func writeKey(utf8: UnsafeBufferPointer<UInt8>) {
        writer.appendString(utf8: utf8)
        writer.append(UInt8(ascii: ":"))
    }

    func writerAppendLiteral(_ text: StaticString) {
        writer.appendLiteral(text)
    }

    func writeBool(_ value: Bool) {
        writer.appendLiteral(value ? "true" : "false")
    }

    func writeString(_ value: String) {
        writer.appendString(value)
    }

    func writeInteger<T: FixedWidthInteger>(_ value: T) {
        writer.appendInteger(value)
    }

    func encodeDouble(_ value: Double) throws { try encodeFloatingPoint(value) }
    func encodeDouble(_ value: Float) throws { try encodeFloatingPoint(value) }

    private func encodeFloatingPoint<T: BinaryFloatingPoint & LosslessStringConvertible & TextOutputStreamable>(
        _ value: T
    ) throws {
        guard writer.appendFloatingPoint(value) else {
            throw EncodingError.invalidValue(
                value,
                EncodingError.Context(
                    codingPath: [], debugDescription: "Unable to encode \(T.self).\(value) directly in JSON."))
        }
    }

    /// `[a,b,…]`, each element written by `write`.
    func writeElements<Element>(_ elements: [Element], _ write: (StreamingJSONEncoder, Element) throws -> Void) rethrows
    {
        writer.append(UInt8(ascii: "["))
        // An index loop: `enumerated()` in unspecialized code looks up tuple metadata for
        // every element.
        var offset = 0
        while offset < elements.count {
            if offset > 0 { writer.append(UInt8(ascii: ",")) }
            try write(self, elements[offset])
            offset += 1
        }
        writer.append(UInt8(ascii: "]"))
    }

    /// `{"key":value,…}` in key order, each value written by `write`.
    func writeEntries<Value>(_ dictionary: [String: Value], _ write: (StreamingJSONEncoder, Value) throws -> Void)
        rethrows
    {
        let mark = frames.count
        let frame = open(isObject: true, slot: -1)
        for (key, value) in dictionary {
            beginEntry(of: frame, key: key)
            try write(self, value)
        }
        close(downTo: mark)
    }

    // MARK: Frames

    private func open(isObject: Bool, slot: Int) -> Int {
        nextFrameID += 1
        frames.append(Frame(id: nextFrameID, isObject: isObject, slot: slot, entriesStart: entries.count))
        writer.append(isObject ? UInt8(ascii: "{") : UInt8(ascii: "["))
        return nextFrameID
    }

    /// Closes every frame above `count`.
    private func close(downTo count: Int) {
        while frames.count > count, let frame = frames.popLast() {
            if frame.isObject {
                sortEntries(from: frame.entriesStart)
                entries.removeAll(from: frame.entriesStart)
                writer.append(UInt8(ascii: "}"))
            } else {
                writer.append(UInt8(ascii: "]"))
            }
        }
    }

    /// Makes frame `id` the innermost open one, closing those opened after it, and marks it
    /// non-empty; returns whether it was empty. An already closed frame makes the value
    /// unsupported.
    private func prepare(_ id: Int) -> Bool {
        guard let index = frames.lastIndex(where: { $0.id == id }) else {
            isUnsupported = true
            return true
        }
        close(downTo: index + 1)
        defer { frames[index].isEmpty = false }
        return frames[index].isEmpty
    }

    /// Starts the next element of array `id`.
    func beginElement(of id: Int) {
        if !prepare(id) { writer.append(UInt8(ascii: ",")) }
    }

    /// Starts the entry `key` of object `id`: writes `,"key":`.
    func beginEntry(of id: Int, key: String) {
        if !prepare(id) { writer.append(UInt8(ascii: ",")) }
        let start = writer.count
        var key = key
        let prefix = key.withUTF8 { utf8 in
            writer.appendString(utf8: utf8)
            return Self.prefix(of: utf8)
        }
        entries.append(Entry(key: key, start: start, prefix: prefix))
        writer.append(UInt8(ascii: ":"))
    }

    /// A container nested in an entry or element that was just begun.
    func openNested(isObject: Bool) -> Int {
        open(isObject: isObject, slot: -1)
    }

    /// Reorders the entries of the object being closed by key, as `.sortedKeys` does; the
    /// scratch space is on the stack for ordinary objects.
    private func sortEntries(from start: Int) {
        let count = entries.count - start
        guard count > 1, !(start..<(entries.count - 1)).allSatisfy({ keyPrecedes($0, $0 + 1) }) else { return }
        withUnsafeTemporaryAllocation(of: Int.self, capacity: count) { order in
            if count > 64 {
                // Large objects: the standard sort (a few heap allocations do not matter here).
                for offset in 0..<count { order[offset] = start + offset }
                var order = order
                order.sort { keyPrecedes($0, $1) }
            } else {
                insertionSort(into: order, from: start)
            }
            for position in 1..<count where !keyPrecedes(order[position - 1], order[position]) {
                // Equal keys: Foundation keeps only the last value, which streaming cannot undo.
                isUnsupported = true
                return
            }
            rewrite(order: UnsafeBufferPointer(order), from: start)
        }
    }

    /// Insertion sort of the entry indexes from `start` on: objects are small, and unlike the
    /// standard sort it needs no closure context or scratch buffer on the heap.
    private func insertionSort(into order: UnsafeMutableBufferPointer<Int>, from start: Int) {
        for offset in 0..<order.count {
            let index = start + offset
            var position = offset
            while position > 0, keyPrecedes(index, order[position - 1]) {
                order[position] = order[position - 1]
                position -= 1
            }
            order[position] = index
        }
    }

    /// Foundation orders keys by their UTF-8 bytes.
    private func keyPrecedes(_ a: Int, _ b: Int) -> Bool {
        let (first, second) = (entries[a].prefix, entries[b].prefix)
        // Different prefixes differ in a byte within the first eight (a zero of the padding
        // sorts before any byte but a NUL, and a NUL ties with it): that byte decides.
        if first != second { return first < second }
        return Self.utf8Precedes(entries[a].key, entries[b].key)
    }

    /// The first eight bytes of `utf8`, big-endian, zero-padded.
    static func prefix(of utf8: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var value: UInt64 = 0
        for index in 0..<min(8, utf8.count) {
            value |= UInt64(utf8[index]) << (56 - 8 * UInt64(index))
        }
        return value
    }

    /// Rewrites the object's entries (from entry `start` to the end of the output) in `order`.
    private func rewrite(order: UnsafeBufferPointer<Int>, from start: Int) {
        let regionStart = entries[start].start
        let regionCount = writer.count - regionStart
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: regionCount) { region in
            guard let copy = region.baseAddress else { return }
            let bytes = writer.base
            copy.initialize(from: bytes + regionStart, count: regionCount)
            var output = regionStart
            for (position, index) in order.enumerated() {
                if position > 0 {
                    bytes[output] = UInt8(ascii: ",")
                    output += 1
                }
                let from = entries[index].start - regionStart
                // Each entry but the last is followed by its comma.
                let to = index + 1 < entries.count ? entries[index + 1].start - regionStart - 1 : regionCount
                (bytes + output).update(from: copy + from, count: to - from)
                output += to - from
            }
        }
    }

    /// Whether `a`'s UTF-8 bytes sort before `b`'s.
    static func utf8Precedes(_ a: String, _ b: String) -> Bool {
        let fast = a.utf8.withContiguousStorageIfAvailable { left in
            b.utf8.withContiguousStorageIfAvailable { right -> Bool in
                let common = min(left.count, right.count)
                // Keys mostly differ in their first byte: decide those without calling memcmp.
                if common > 0, left[0] != right[0] { return left[0] < right[0] }
                if common > 0, let l = left.baseAddress, let r = right.baseAddress {
                    let order = memcmp(l, r, common)
                    if order != 0 { return order < 0 }
                }
                return left.count < right.count
            }
        }
        return (fast ?? nil) ?? a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    // MARK: Encoder

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if let top = frames.last, top.slot == currentSlot {
            // A second request in the same encode(to:) (a subclass and its superclass) shares
            // the object.
            if !top.isObject { isUnsupported = true }
            return KeyedEncodingContainer(StreamingKeyedContainer(encoder: self, frame: top.id))
        }
        return KeyedEncodingContainer(
            StreamingKeyedContainer(encoder: self, frame: open(isObject: true, slot: currentSlot)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if let top = frames.last, top.slot == currentSlot {
            if top.isObject { isUnsupported = true }
            return StreamingUnkeyedContainer(encoder: self, frame: top.id)
        }
        return StreamingUnkeyedContainer(encoder: self, frame: open(isObject: false, slot: currentSlot))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        StreamingSingleValueContainer(encoder: self)
    }
}

/// Arrays and string-keyed dictionaries, written straight into the output: the same bytes
/// as their `encode(to:)` through this encoder, without an existential container, a box per
/// dictionary and a generic witness call per element.
protocol StreamingEncodableCollection {
    /// Writes the value at `pointer` (a `Self`).
    static func encode(_ pointer: UnsafeRawPointer, to encoder: StreamingJSONEncoder) throws
}

extension Array: StreamingEncodableCollection where Element: Encodable {
    static func encode(_ pointer: UnsafeRawPointer, to encoder: StreamingJSONEncoder) throws {
        let array = pointer.assumingMemoryBound(to: [Element].self)
        // The common element types in concrete code (generic code pays a metadata lookup for
        // each use of a type built from `Element`).
        if Element.self == String.self {
            encoder.writeElements(pointer.assumingMemoryBound(to: [String].self).pointee) { $0.writeString($1) }
        } else if Element.self == Int.self {
            encoder.writeElements(pointer.assumingMemoryBound(to: [Int].self).pointee) { $0.writeInteger($1) }
        } else {
            try encoder.writeElements(array.pointee) { try $0.encodeValue($1) }
        }
    }
}

extension Dictionary: StreamingEncodableCollection where Key == String, Value: Encodable {
    static func encode(_ pointer: UnsafeRawPointer, to encoder: StreamingJSONEncoder) throws {
        if Value.self == Bool.self {
            encoder.writeEntries(pointer.assumingMemoryBound(to: [String: Bool].self).pointee) { $0.writeBool($1) }
        } else if Value.self == String.self {
            encoder.writeEntries(pointer.assumingMemoryBound(to: [String: String].self).pointee) { $0.writeString($1) }
        } else if Value.self == Int.self {
            encoder.writeEntries(pointer.assumingMemoryBound(to: [String: Int].self).pointee) { $0.writeInteger($1) }
        } else {
            try encoder.writeEntries(pointer.assumingMemoryBound(to: [String: Value].self).pointee) {
                try $0.encodeValue($1)
            }
        }
    }
}
