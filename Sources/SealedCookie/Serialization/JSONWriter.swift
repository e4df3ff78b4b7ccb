/// Appends JSON text to a byte buffer the way Foundation's `JSONEncoder` writes it with
/// `.withoutEscapingSlashes`: compact, strings escaped minimally, numbers as Swift prints them.
///
/// The text goes through plain stores into a buffer (no uniqueness or capacity checks of an
/// array on every append): usually the uninitialized storage of the array being made
/// (``init(borrowing:)``), and a buffer of its own once that is full, which ``makeArray()``
/// copies out. The owner calls ``deallocate()``.
struct JSONWriter {
    private(set) var base: UnsafeMutablePointer<UInt8>
    /// The bytes written so far.
    private(set) var count = 0
    private var capacity: Int
    /// Whether `base` was allocated here (rather than borrowed, or the detached placeholder).
    private var ownsBase: Bool

    /// Where a detached writer points: nothing is ever written there (its capacity is 0).
    nonisolated(unsafe) private static let placeholder = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)

    /// A writer with no room yet: the first append allocates.
    init() {
        base = Self.placeholder
        capacity = 0
        ownsBase = false
    }

    /// A writer into `buffer`, which stays the caller's (it moves to a buffer of its own when
    /// `buffer` is full).
    init(borrowing buffer: UnsafeMutableBufferPointer<UInt8>) {
        base = buffer.baseAddress ?? Self.placeholder
        capacity = buffer.baseAddress == nil ? 0 : buffer.count
        ownsBase = false
    }

    /// Whether everything written is still in the borrowed buffer.
    var isBorrowing: Bool { !ownsBase }

    /// Stops writing into a borrowed buffer: later appends (none are expected) allocate.
    mutating func detach() {
        guard !ownsBase else { return }
        base = Self.placeholder
        capacity = 0
        count = 0
    }

    func deallocate() {
        if ownsBase { base.deallocate() }
    }

    /// The text written so far.
    func makeArray() -> [UInt8] {
        Array(UnsafeBufferPointer(start: base, count: count))
    }

    /// Room for `extra` more bytes.
    private mutating func reserve(_ extra: Int) {
        if extra > capacity &- count { grow(extra) }
    }

    @inline(never)
    private mutating func grow(_ extra: Int) {
        let newCapacity = max(capacity * 2, count + extra, 256)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: count)
        if ownsBase { base.deallocate() }
        ownsBase = true
        base = newBase
        capacity = newCapacity
    }

    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count &+= 1
    }

    mutating func append(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard let source = buffer.baseAddress else { return }
        reserve(buffer.count)
        (base + count).initialize(from: source, count: buffer.count)
        count &+= buffer.count
    }

    /// Appends `text`'s UTF-8 bytes as they are (numbers).
    mutating func appendText(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    mutating func appendLiteral(_ text: StaticString) {
        text.withUTF8Buffer { append($0) }
    }

    mutating func appendString(_ value: String) {
        var value = value
        value.withUTF8 { appendString(utf8: $0) }
    }

    mutating func appendString(utf8: UnsafeBufferPointer<UInt8>) {
        append(UInt8(ascii: "\""))
        guard let source = utf8.baseAddress else {
            append(UInt8(ascii: "\""))
            return
        }
        let count = utf8.count
        var runStart = 0
        var index = 0
        while index < count {
            // Eight bytes at a time while none needs escaping (almost always).
            if count &- index >= 8,
                !Self.needsEscape(UnsafeRawPointer(source + index).loadUnaligned(as: UInt64.self))
            {
                index &+= 8
                continue
            }
            let byte = source[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
                index &+= 1
                continue
            }
            append(UnsafeBufferPointer(start: source + runStart, count: index &- runStart))
            index &+= 1
            runStart = index
            switch byte {
            case UInt8(ascii: "\""): appendLiteral("\\\"")
            case UInt8(ascii: "\\"): appendLiteral("\\\\")
            case 0x08: appendLiteral("\\b")
            case 0x0C: appendLiteral("\\f")
            case 0x0A: appendLiteral("\\n")
            case 0x0D: appendLiteral("\\r")
            case 0x09: appendLiteral("\\t")
            default:
                appendLiteral("\\u00")
                append(Self.hexDigit(byte >> 4))
                append(Self.hexDigit(byte & 0x0F))
            }
        }
        append(UnsafeBufferPointer(start: source + runStart, count: count &- runStart))
        append(UInt8(ascii: "\""))
    }

    /// Whether any of the eight bytes is a control character, a quote or a backslash.
    @inline(__always)
    static func needsEscape(_ word: UInt64) -> Bool {
        specialBytes(word) != 0
    }

    /// The high bit of each of the eight bytes (in memory order from the low end) that is a
    /// control character, a quote or a backslash. Bits above the lowest one may be false
    /// alarms (a borrow runs upwards), so only "none" and "the lowest" are exact.
    @inline(__always)
    static func specialBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let below = (word &- ones &* 0x20) & ~word & highs
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let quoteZero = (quote &- ones) & ~quote & highs
        let backslashZero = (backslash &- ones) & ~backslash & highs
        return below | quoteZero | backslashZero
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") &+ value : UInt8(ascii: "a") &+ value &- 10
    }

    mutating func appendInteger<T: FixedWidthInteger>(_ value: T) {
        // Every integer type of the standard library fits one of these two; going through them
        // keeps the digit loop out of generic code (an unspecialized `magnitude % 10` costs
        // hundreds of instructions a digit).
        if T.isSigned, T.bitWidth <= 64 {
            appendDecimal(Int64(truncatingIfNeeded: value))
        } else if !T.isSigned, T.bitWidth <= 64 {
            appendDecimal(magnitude: UInt64(truncatingIfNeeded: value), negative: false)
        } else {
            appendText(String(value))
        }
    }

    mutating func appendDecimal(_ value: Int64) {
        appendDecimal(magnitude: value.magnitude, negative: value < 0)
    }

    mutating func appendDecimal(magnitude: UInt64, negative: Bool) {
        if magnitude < 10, !negative {
            append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude))
            return
        }
        // Digits backwards into a small stack buffer, then forwards into the output.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { digits in
            var index = digits.count
            var rest = magnitude
            repeat {
                index -= 1
                let (quotient, digit) = rest.quotientAndRemainder(dividingBy: 10)
                digits[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: digit)
                rest = quotient
            } while rest > 0
            if negative {
                index -= 1
                digits[index] = UInt8(ascii: "-")
            }
            append(UnsafeBufferPointer(rebasing: digits[index...]))
        }
    }

    /// Swift's shortest round-trip spelling without a trailing `.0`, as Foundation writes it;
    /// nil for NaN and infinities, which JSON cannot carry.
    mutating func appendFloatingPoint<T: BinaryFloatingPoint & LosslessStringConvertible & TextOutputStreamable>(
        _ value: T
    ) -> Bool {
        guard value.isFinite else { return false }
        // `write(to:)` prints what `description` does, through a buffer on the stack rather
        // than a new string.
        let start = count
        value.write(to: &self)
        if count - start >= 2, base[count - 2] == UInt8(ascii: "."), base[count - 1] == UInt8(ascii: "0") {
            count -= 2
        }
        return true
    }
}

extension JSONWriter: TextOutputStream {
    mutating func write(_ string: String) {
        appendText(string)
    }
}
