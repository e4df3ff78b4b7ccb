import Foundation

/// Decodes a `Decodable` value from a ``JSONTape`` with the behaviour of Foundation's
/// `JSONDecoder` under default strategies: numbers convert only when they fit exactly, `Data`
/// is base64, `URL` a string, `Date` its own `Decodable` (seconds since 2001).
final class TapeJSONDecoder: Decoder {
    // Read-only after init, so reading the tape needs no exclusivity checks.
    let tape: JSONTape
    /// Per node: for objects, the key node of the entry last looked up, where the next lookup
    /// starts (lookups mostly follow document order).
    @exclusivity(unchecked) private var hints: UnsafeMutableBufferPointer<Int32>
    /// Whether `hints` was allocated here (rather than lent on the caller's stack).
    @exclusivity(unchecked) private var ownsHints: Bool
    // A decoder lives for one `decode` call on one thread (a super decoder too), so the
    // runtime's exclusivity checks on its state are skipped.
    /// The last type met that is not a collection, and its conformance to
    /// ``SessionJSONCodable`` (nil when it has none).
    @exclusivity(unchecked) private var lastType: ObjectIdentifier?
    @exclusivity(unchecked) private var lastFields: (any SessionJSONCodable.Type)?
    /// The node being decoded by the current `init(from:)`.
    @exclusivity(unchecked) private(set) var current = 0
    /// Always empty while decoding: keys are not pushed on the way in (boxing each key costs an
    /// allocation for some key types). A ``DecodingError`` gets its full coding path on the
    /// way out instead, each level adding its key in front (``withKey(_:_:)``).
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    /// Where ``SessionSecret`` fields find their values; nil when the value has no secret
    /// section, and they are read in place.
    let secretSection: SecretSectionReader?

    /// A decoder whose hints are in `space` (one per node) when given, else on the heap.
    private init(tape: JSONTape, secretSection: SecretSectionReader?, space: UnsafeMutableBufferPointer<Int32>? = nil) {
        self.tape = tape
        self.secretSection = secretSection
        if let space, space.count >= tape.nodes.count {
            hints = UnsafeMutableBufferPointer(rebasing: space[..<tape.nodes.count])
            ownsHints = false
        } else {
            hints = .allocate(capacity: tape.nodes.count)
            ownsHints = true
        }
        for index in hints.indices { hints[index] = Int32(index + 1) }
    }

    deinit {
        if ownsHints { hints.deallocate() }
    }

    /// Moves lent hints to the heap: for a decoder that a value's `init(from:)` kept, which
    /// outlives the stack space.
    private func keepHints() {
        guard !ownsHints else { return }
        let copy = UnsafeMutableBufferPointer<Int32>.allocate(capacity: hints.count)
        _ = copy.initialize(fromContentsOf: hints)
        hints = copy
        ownsHints = true
    }

    /// Documents of up to this many nodes keep their hints on the stack (1 KiB).
    private static let stackHints = 256

    /// Decodes a `T` from JSON bytes.
    static func decode<T: Decodable>(
        _ type: T.Type, from bytes: [UInt8], secretSection: SecretSectionReader? = nil
    ) throws -> T {
        let tape: JSONTape
        do {
            tape = try JSONTape(parsing: bytes)
        } catch {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: [],
                    debugDescription: "The given data was not valid JSON: \(error.reason) at byte \(error.offset)."))
        }
        guard tape.nodes.count <= stackHints else {
            return try TapeJSONDecoder(tape: tape, secretSection: secretSection).decodeValue(T.self, at: 0)
        }
        return try withUnsafeTemporaryAllocation(of: Int32.self, capacity: stackHints) { space in
            var decoder = TapeJSONDecoder(tape: tape, secretSection: secretSection, space: space)
            defer {
                if !isKnownUniquelyReferenced(&decoder) { decoder.keepHints() }
            }
            return try decoder.decodeValue(T.self, at: 0)
        }
    }

    // MARK: Values

    func node(_ index: Int) -> JSONTape.Node { tape.nodes[index] }

    func decodeValue<T: Decodable>(_ type: T.Type, at index: Int) throws -> T {
        // The scalars that arrays and dictionaries hold most often, read directly rather than
        // through their `init(from:)` and a single-value container. The casts are sound: each
        // is guarded by the metatype being exactly that type.
        if T.self == String.self { return unsafeBitCast(try string(at: index), to: T.self) }
        if T.self == Int.self { return unsafeBitCast(try integer(Int.self, at: index), to: T.self) }
        if T.self == Bool.self { return unsafeBitCast(try bool(at: index), to: T.self) }
        if T.self == Data.self || T.self == URL.self || T.self == Decimal.self {
            return try decodeFoundationValue(T.self, at: index)
        }
        // Each conformance check is a runtime lookup: the elements of an array of structs skip
        // them after the first.
        if ObjectIdentifier(T.self) != lastType {
            if let collection = T.self as? any TapeDecodableCollection.Type {
                // Sound: `collection` is `T`, so the buffer holds a `T` once `decode` returns.
                return try withUnsafeTemporaryAllocation(of: T.self, capacity: 1) { buffer in
                    guard let slot = buffer.baseAddress else { throw corrupted("No space for the value.") }
                    try collection.decode(from: self, at: index, into: UnsafeMutableRawPointer(slot))
                    return slot.move()
                }
            }
            lastType = ObjectIdentifier(T.self)
            lastFields = T.self as? any SessionJSONCodable.Type
        }
        if let fields = lastFields {
            // Sound: `fields` is `T`, so the buffer holds a `T` once `decodeFields` returns.
            return try withUnsafeTemporaryAllocation(of: T.self, capacity: 1) { buffer in
                guard let slot = buffer.baseAddress else { throw corrupted("No space for the value.") }
                try decodeFields(of: fields, at: index, into: UnsafeMutableRawPointer(slot))
                return slot.move()
            }
        }
        let saved = current
        current = index
        defer { current = saved }
        return try T(from: self)
    }

    /// A ``SessionJSONCodable`` value read by its own `init(jsonFields:)`, after the checks
    /// `container(keyedBy:)` makes.
    private func decodeFields<Value: SessionJSONCodable>(
        of type: Value.Type, at index: Int, into slot: UnsafeMutableRawPointer
    ) throws {
        guard node(index).kind == .object else { throw mismatch([String: Any].self, at: index) }
        try checkKeys(ofObject: index)
        slot.initializeMemory(
            as: Value.self, to: try Value(jsonFields: SessionJSONReader(decoder: self, object: index)))
    }

    /// `Data`, `URL` and `Decimal` as Foundation reads them.
    private func decodeFoundationValue<T>(_ type: T.Type, at index: Int) throws -> T {
        let value: Any
        if T.self == Data.self {
            guard let data = Data(base64Encoded: try string(at: index)) else {
                throw corrupted("Encountered Data is not valid Base64.")
            }
            value = data
        } else if T.self == URL.self {
            guard let url = URL(string: try string(at: index)) else { throw corrupted("Invalid URL string.") }
            value = url
        } else {
            guard node(index).kind == .number, let decimal = Decimal(string: numberText(at: index)) else {
                throw mismatch(Decimal.self, at: index)
            }
            value = decimal
        }
        guard let typed = value as? T else { throw mismatch(T.self, at: index) }
        return typed
    }

    /// Runs `body` for the value under `key`; a ``DecodingError`` it throws gets `key` in front
    /// of its coding path, so it says where it happened (the path is only built on failure).
    func withKey<T>(_ key: some CodingKey, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DecodingError {
            throw Self.prepending(key, to: error)
        }
    }

    /// ``withKey(_:_:)`` for a field of a ``SessionJSONCodable`` value: the key becomes a
    /// string only on failure.
    func withKey<T>(_ key: StaticString, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DecodingError {
            throw Self.prepending(TapeIndexKey(stringValue: key.description), to: error)
        }
    }

    private static func prepending(_ key: some CodingKey, to error: DecodingError) -> DecodingError {
        func extended(_ context: DecodingError.Context) -> DecodingError.Context {
            DecodingError.Context(
                codingPath: [key] + context.codingPath, debugDescription: context.debugDescription,
                underlyingError: context.underlyingError)
        }
        switch error {
        case .typeMismatch(let type, let context): return .typeMismatch(type, extended(context))
        case .valueNotFound(let type, let context): return .valueNotFound(type, extended(context))
        case .keyNotFound(let missing, let context): return .keyNotFound(missing, extended(context))
        case .dataCorrupted(let context): return .dataCorrupted(extended(context))
        @unknown default: return error
        }
    }

    /// A decoder for the value at `index` (a super decoder), independent of this one's position.
    func subDecoder(at index: Int?) throws -> any Decoder {
        guard let index else {
            throw DecodingError.valueNotFound(
                (any Decoder).self,
                DecodingError.Context(codingPath: codingPath, debugDescription: "No value for the super decoder."))
        }
        let decoder = TapeJSONDecoder(tape: tape, secretSection: secretSection)
        decoder.current = index
        return decoder
    }

    func isNull(at index: Int) -> Bool { node(index).kind == .null }

    func bool(at index: Int) throws -> Bool {
        switch node(index).kind {
        case .true: true
        case .false: false
        default: throw mismatch(Bool.self, at: index)
        }
    }

    func string(at index: Int) throws -> String {
        let node = node(index)
        guard node.kind == .string else { throw mismatch(String.self, at: index) }
        let decoded = tape.bytes.withUnsafeBufferPointer { buffer in
            JSONStringDecoding.decode(
                UnsafeBufferPointer(rebasing: buffer[Int(node.start)..<Int(node.end)]), hasEscapes: node.hasEscapes,
                isASCII: node.isASCII)
        }
        guard let decoded else { throw corrupted("Unable to convert data to a string.") }
        return decoded
    }

    func integer<T: FixedWidthInteger>(_ type: T.Type, at index: Int) throws -> T {
        let node = node(index)
        guard node.kind == .number else { throw mismatch(T.self, at: index) }
        let parsed: T? = tape.bytes.withUnsafeBufferPointer { buffer in
            Self.parseInteger(UnsafeBufferPointer(rebasing: buffer[Int(node.start)..<Int(node.end)]))
        }
        if let parsed { return parsed }
        // A fraction or exponent that still names a whole number (1.0, 1e3) is accepted; one
        // that does not is refused, even when the nearest Double is whole (2^63 - 0.5 is not
        // an integer, whatever `Double` rounds it to).
        let exact: T? = tape.bytes.withUnsafeBufferPointer { buffer in
            Self.parseExactInteger(UnsafeBufferPointer(rebasing: buffer[Int(node.start)..<Int(node.end)]))
        }
        if let exact { return exact }
        throw corrupted("Parsed JSON number <\(numberText(at: index))> does not fit in \(T.self).")
    }

    func floatingPoint<T: BinaryFloatingPoint & LosslessStringConvertible>(_ type: T.Type, at index: Int) throws -> T {
        guard node(index).kind == .number else { throw mismatch(T.self, at: index) }
        let text = numberText(at: index)
        // A number too small for `T` is refused rather than read as zero, as Foundation does.
        let underflows = { text.utf8.prefix { $0 | 0x20 != UInt8(ascii: "e") }.contains { $0 > UInt8(ascii: "0") } }
        guard let value = T(text), value.isFinite, value != 0 || !underflows() else {
            throw corrupted("Parsed JSON number <\(text)> does not fit in \(T.self).")
        }
        return value
    }

    private func numberText(at index: Int) -> String {
        let node = node(index)
        return String(decoding: tape.bytes[Int(node.start)..<Int(node.end)], as: UTF8.self)
    }

    /// Plain digits with an optional minus sign, within `T`'s range; nil otherwise.
    private static func parseInteger<T: FixedWidthInteger>(_ digits: UnsafeBufferPointer<UInt8>) -> T? {
        var index = 0
        let negative = digits.first == UInt8(ascii: "-")
        if negative { index = 1 }
        guard index < digits.count else { return nil }
        var value: T = 0
        while index < digits.count {
            let digit = digits[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) =
                negative
                ? times10.subtractingReportingOverflow(T(digit)) : times10.addingReportingOverflow(T(digit))
            guard !overflow1, !overflow2 else { return nil }
            value = next
            index += 1
        }
        return value
    }

    /// A JSON number with a fraction or an exponent (the tape checked its grammar) whose exact
    /// decimal value is a whole number within `T`'s range; nil otherwise.
    private static func parseExactInteger<T: FixedWidthInteger>(_ text: UnsafeBufferPointer<UInt8>) -> T? {
        let negative = text.first == UInt8(ascii: "-")
        var index = negative ? 1 : 0
        // The significant digits are the integer part then the fraction; `scale` is the power
        // of ten they are multiplied by.
        var digitsStart = index
        while index < text.count, text[index] >= UInt8(ascii: "0"), text[index] <= UInt8(ascii: "9") { index += 1 }
        let integerEnd = index
        var fractionStart = index
        var fractionEnd = index
        if index < text.count, text[index] == UInt8(ascii: ".") {
            index += 1
            fractionStart = index
            while index < text.count, text[index] >= UInt8(ascii: "0"), text[index] <= UInt8(ascii: "9") { index += 1 }
            fractionEnd = index
        }
        var exponent = 0
        if index < text.count, text[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            var exponentNegative = false
            if index < text.count, text[index] == UInt8(ascii: "-") || text[index] == UInt8(ascii: "+") {
                exponentNegative = text[index] == UInt8(ascii: "-")
                index += 1
            }
            while index < text.count {
                // Clamped: any exponent past this many digits over- or underflows every width.
                exponent = min(exponent * 10 + Int(text[index] &- UInt8(ascii: "0")), 100_000)
                index += 1
            }
            if exponentNegative { exponent = -exponent }
        }
        // Digits in order, skipping the decimal point; leading zeros change nothing.
        func digit(_ position: Int) -> UInt8 {
            position < integerEnd ? text[position] : text[fractionStart + position - integerEnd]
        }
        var digitsEnd = integerEnd + (fractionEnd - fractionStart)
        var scale = exponent - (fractionEnd - fractionStart)
        while digitsStart < digitsEnd, digit(digitsStart) == UInt8(ascii: "0") { digitsStart += 1 }
        while digitsEnd > digitsStart, digit(digitsEnd - 1) == UInt8(ascii: "0") {
            digitsEnd -= 1
            scale += 1
        }
        if digitsStart == digitsEnd { return 0 }
        guard scale >= 0, digitsEnd - digitsStart + scale <= 40 else { return nil }
        var value: T = 0
        for position in digitsStart..<(digitsEnd + scale) {
            let next = position < digitsEnd ? T(digit(position) &- UInt8(ascii: "0")) : 0
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) =
                negative ? times10.subtractingReportingOverflow(next) : times10.addingReportingOverflow(next)
            guard !overflow1, !overflow2 else { return nil }
            value = sum
        }
        return value
    }

    // MARK: Keys

    /// The value node of `key` in object `object`, searching from the entry found last.
    func valueIndex(of key: some CodingKey, inObject object: Int) -> Int? {
        var name = key.stringValue
        return name.withUTF8 { valueIndex(ofKeyBytes: $0, inObject: object) }
    }

    /// ``valueIndex(of:inObject:)`` for a field of a ``SessionJSONCodable`` value.
    func valueIndex(ofKey key: StaticString, inObject object: Int) -> Int? {
        key.withUTF8Buffer { valueIndex(ofKeyBytes: $0, inObject: object) }
    }

    private func valueIndex(ofKeyBytes wanted: UnsafeBufferPointer<UInt8>, inObject object: Int) -> Int? {
        let objectNode = node(object)
        guard objectNode.count > 0 else { return nil }
        var keyIndex = Int(hints[object])
        for _ in 0..<objectNode.count {
            if keyIndex >= Int(objectNode.next) { keyIndex = object + 1 }
            if keyMatches(keyIndex, wanted) {
                hints[object] = Int32(keyIndex)
                return keyIndex + 1
            }
            keyIndex = Int(node(keyIndex + 1).next)
        }
        return nil
    }

    private func keyMatches(_ keyIndex: Int, _ wanted: UnsafeBufferPointer<UInt8>) -> Bool {
        let keyNode = node(keyIndex)
        if keyNode.hasEscapes {
            return (try? string(at: keyIndex)).map { Array($0.utf8).elementsEqual(wanted) } ?? false
        }
        let length = Int(keyNode.end - keyNode.start)
        guard length == wanted.count else { return false }
        return tape.bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, let other = wanted.baseAddress else { return length == 0 }
            return memcmp(base + Int(keyNode.start), other, length) == 0
        }
    }

    /// Every key of object `object` that `Key` knows, in document order.
    func keys<Key: CodingKey>(ofObject object: Int, as type: Key.Type) -> [Key] {
        var result: [Key] = []
        result.reserveCapacity(Int(node(object).count))
        var keyIndex = object + 1
        for _ in 0..<node(object).count {
            if let name = try? string(at: keyIndex), let key = Key(stringValue: name) { result.append(key) }
            keyIndex = Int(node(keyIndex + 1).next)
        }
        return result
    }

    // MARK: Errors

    func mismatch(_ type: Any.Type, at index: Int) -> DecodingError {
        let kind = node(index).kind
        if kind == .null {
            return DecodingError.valueNotFound(
                type,
                DecodingError.Context(
                    codingPath: codingPath, debugDescription: "Cannot get \(type) -- found null value instead"))
        }
        return DecodingError.typeMismatch(
            type,
            DecodingError.Context(
                codingPath: codingPath, debugDescription: "Expected to decode \(type) but found \(kind) instead."))
    }

    func corrupted(_ description: String) -> DecodingError {
        DecodingError.dataCorrupted(DecodingError.Context(codingPath: codingPath, debugDescription: description))
    }

    // MARK: Decoder

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard node(current).kind == .object else { throw mismatch([String: Any].self, at: current) }
        try checkKeys(ofObject: current)
        return KeyedDecodingContainer(TapeKeyedContainer<Key>(decoder: self, object: current))
    }

    /// Refuses an object whose keys are ambiguous: one that is not valid UTF-8 (a dictionary
    /// would drop its entry), or two equal as Swift strings (which value is read would depend on
    /// the type's decoding order; Foundation takes the first). Small strings hash without
    /// allocating, so the check is cheap next to decoding the values.
    func checkKeys(ofObject object: Int) throws {
        if try checkASCIIKeys(ofObject: object) { return }
        var seen = Set<String>(minimumCapacity: Int(node(object).count))
        var keyIndex = object + 1
        for _ in 0..<node(object).count {
            let name: String
            do {
                name = try string(at: keyIndex)
            } catch {
                throw corrupted("An object key is not valid UTF-8.")
            }
            guard seen.insert(name).inserted else { throw duplicateKey() }
            keyIndex = Int(node(keyIndex + 1).next)
        }
    }

    /// The common case of ``checkKeys(ofObject:)`` without making strings or hashing: an
    /// object of at most 32 keys, all ASCII without escapes, whose bytes are compared pairwise
    /// (ASCII strings are equal exactly when their bytes are). False when the object is not
    /// such a case and needs the general check.
    private func checkASCIIKeys(ofObject object: Int) throws -> Bool {
        let count = Int(node(object).count)
        guard count <= 32 else { return false }
        return try withUnsafeTemporaryAllocation(of: Int32.self, capacity: max(count, 1)) { keys throws -> Bool in
            var keyIndex = object + 1
            for position in 0..<count {
                let keyNode = node(keyIndex)
                guard keyNode.isASCII, !keyNode.hasEscapes else { return false }
                keys[position] = Int32(keyIndex)
                keyIndex = Int(node(keyIndex + 1).next)
            }
            return try tape.bytes.withUnsafeBufferPointer { buffer throws -> Bool in
                guard let base = buffer.baseAddress else { return true }
                for later in 0..<count {
                    let b = node(Int(keys[later]))
                    let length = Int(b.end - b.start)
                    for earlier in 0..<later {
                        let a = node(Int(keys[earlier]))
                        if Int(a.end - a.start) == length, memcmp(base + Int(a.start), base + Int(b.start), length) == 0
                        {
                            throw duplicateKey()
                        }
                    }
                }
                return true
            }
        }
    }

    /// The error for an object with a key twice, or a dictionary with two keys that convert to
    /// one. Without the key: it may be session data, and descriptions reach logs.
    func duplicateKey() -> DecodingError {
        corrupted("An object has the same key more than once.")
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard node(current).kind == .array else { throw mismatch([Any].self, at: current) }
        return TapeUnkeyedContainer(decoder: self, array: current)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        TapeSingleValueContainer(decoder: self, index: current)
    }
}

/// Arrays and dictionaries, read straight from the tape: the same values and errors as their
/// `init(from:)`, without an existential container, a box and a closure per element, or the
/// dictionary's array of coding keys; except that a dictionary whose keys are converted
/// (`[Int: V]` …) refuses two JSON keys that convert to one (see `decodeConvertedKeys`).
protocol TapeDecodableCollection {
    /// Initializes `slot` (uninitialized memory for a `Self`) with the value at `index`.
    static func decode(from decoder: TapeJSONDecoder, at index: Int, into slot: UnsafeMutableRawPointer) throws
}

extension Array: TapeDecodableCollection where Element: Decodable {
    static func decode(from decoder: TapeJSONDecoder, at index: Int, into slot: UnsafeMutableRawPointer) throws {
        let node = decoder.node(index)
        guard node.kind == .array else { throw decoder.mismatch([Any].self, at: index) }
        // The common element types in concrete code: generic code pays a metadata lookup for
        // every use of a type built from `Element`.
        if Element.self == String.self {
            slot.initializeMemory(as: [String].self, to: try decoder.elements(of: index, decoder.string))
            return
        } else if Element.self == Int.self {
            slot.initializeMemory(
                as: [Int].self, to: try decoder.elements(of: index) { try decoder.integer(Int.self, at: $0) })
            return
        }
        var result: [Element] = []
        result.reserveCapacity(Int(node.count))
        var position = index + 1
        for offset in 0..<Int(node.count) {
            let element = position
            result.append(
                try decoder.withKey(TapeIndexKey(index: offset)) { try decoder.decodeValue(Element.self, at: element) })
            position = Int(decoder.node(element).next)
        }
        slot.initializeMemory(as: [Element].self, to: result)
    }
}

extension Dictionary: TapeDecodableCollection where Key: Decodable, Value: Decodable {
    static func decode(from decoder: TapeJSONDecoder, at index: Int, into slot: UnsafeMutableRawPointer) throws {
        // Sound below: `Key` is exactly `String`, so `Self` is `[String: Value]`.
        guard Key.self == String.self else {
            try decodeConvertedKeys(from: decoder, at: index, into: slot)
            return
        }
        let node = decoder.node(index)
        guard node.kind == .object else { throw decoder.mismatch([String: Any].self, at: index) }
        try decoder.checkKeys(ofObject: index)
        if Value.self == Bool.self {
            slot.initializeMemory(as: [String: Bool].self, to: try decoder.entries(of: index, decoder.bool))
            return
        } else if Value.self == String.self {
            slot.initializeMemory(as: [String: String].self, to: try decoder.entries(of: index, decoder.string))
            return
        }
        var result: [String: Value] = .init(minimumCapacity: Int(node.count))
        var keyIndex = index + 1
        for _ in 0..<Int(node.count) {
            let name = try decoder.string(at: keyIndex)
            let valueIndex = keyIndex + 1
            result[name] = try decoder.withKey(TapeIndexKey(stringValue: name)) {
                try decoder.decodeValue(Value.self, at: valueIndex)
            }
            keyIndex = Int(decoder.node(valueIndex).next)
        }
        slot.initializeMemory(as: [String: Value].self, to: result)
    }
}

extension TapeJSONDecoder {
    /// The elements of array `index`, each read by `read` (a concrete scalar reader).
    func elements<Element>(of index: Int, _ read: (Int) throws -> Element) throws -> [Element] {
        let count = Int(node(index).count)
        var result: [Element] = []
        result.reserveCapacity(count)
        var position = index + 1
        for offset in 0..<count {
            let element = position
            result.append(try withKey(TapeIndexKey(index: offset)) { try read(element) })
            position = Int(node(element).next)
        }
        return result
    }

    /// The array of strings at `index`.
    func stringArray(at index: Int) throws -> [String] {
        guard node(index).kind == .array else { throw mismatch([Any].self, at: index) }
        return try elements(of: index, string)
    }

    /// The array of integers at `index`.
    func integerArray(at index: Int) throws -> [Int] {
        guard node(index).kind == .array else { throw mismatch([Any].self, at: index) }
        return try elements(of: index) { try integer(Int.self, at: $0) }
    }

    /// The entries of object `index` (keys already checked), each value read by `read`.
    func entries<Value>(of index: Int, _ read: (Int) throws -> Value) throws -> [String: Value] {
        let count = Int(node(index).count)
        var result: [String: Value] = .init(minimumCapacity: count)
        var keyIndex = index + 1
        for _ in 0..<count {
            let name = try string(at: keyIndex)
            let valueIndex = keyIndex + 1
            result[name] = try withKey(TapeIndexKey(stringValue: name)) { try read(valueIndex) }
            keyIndex = Int(node(valueIndex).next)
        }
        return result
    }
}
