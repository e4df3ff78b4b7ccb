/// Punycode (RFC 3492), the encoding inside IDNA A-labels (`xn--…`).
///
/// Used to turn the Unicode rules of the Public Suffix List into A-labels, and to check that an
/// `xn--` label of a configured domain decodes. It is only the transfer encoding: the IDNA2008
/// / UTS #46 mapping and code-point rules are the caller's concern (domains reach this package
/// already in A-label form).
enum Punycode {
    private static let base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700
    private static let initialBias = 72, initialN = 0x80
    /// A label is at most 63 bytes, so no valid input comes near these; they bound the work.
    private static let maxInputCount = 63
    private static let maxScalarCount = 63

    /// The Punycode of a label's scalars (without the `xn--` prefix), or nil when the scalars or
    /// their encoding are longer than ``decode(_:)`` accepts: a label is at most 63 bytes, and
    /// 20 scalars far from ASCII already take 80.
    static func encode(_ scalars: [Unicode.Scalar]) -> String? {
        guard scalars.count <= maxScalarCount else { return nil }
        var output: [UInt8] = scalars.filter(\.isASCII).map { UInt8($0.value) }
        let basicCount = output.count
        var handled = basicCount
        if basicCount > 0 { output.append(UInt8(ascii: "-")) }
        var n = initialN
        var delta = 0
        var bias = initialBias
        let codes = scalars.map { Int($0.value) }
        while handled < codes.count {
            guard let m = codes.filter({ $0 >= n }).min() else { return nil }
            delta += (m - n) * (handled + 1)
            n = m
            for code in codes {
                if code < n { delta += 1 }
                if code == n {
                    var q = delta
                    var k = base
                    while true {
                        let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                        if q < t { break }
                        output.append(digit(t + (q - t) % (base - t)))
                        q = (q - t) / (base - t)
                        k += base
                    }
                    output.append(digit(q))
                    guard output.count <= maxInputCount else { return nil }
                    bias = adapt(delta, handled + 1, handled == basicCount)
                    delta = 0
                    handled += 1
                }
            }
            delta += 1
            n += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The scalars a Punycode string (without `xn--`) stands for, or nil when it is not valid
    /// Punycode, decodes to a surrogate or out-of-range value, or is too long for a label.
    static func decode(_ text: Substring.UTF8View) -> [Unicode.Scalar]? {
        guard text.count <= maxInputCount else { return nil }
        let input = Array(text)
        var output: [Int] = []
        var start = 0
        if let delimiter = input.lastIndex(of: UInt8(ascii: "-")), delimiter > 0 {
            for byte in input[..<delimiter] {
                guard byte < 0x80 else { return nil }
                output.append(Int(byte))
            }
            start = delimiter + 1
        }
        var n = initialN
        var i = 0
        var bias = initialBias
        var position = start
        while position < input.count {
            let oldI = i
            var w = 1
            var k = base
            while true {
                guard position < input.count, let value = digitValue(input[position]) else { return nil }
                position += 1
                guard value <= (Int(Int32.max) - i) / w else { return nil }
                i += value * w
                let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                if value < t { break }
                guard w <= Int(Int32.max) / (base - t) else { return nil }
                w *= base - t
                k += base
            }
            bias = adapt(i - oldI, output.count + 1, oldI == 0)
            guard i / (output.count + 1) <= 0x10FFFF - n else { return nil }
            n += i / (output.count + 1)
            i %= output.count + 1
            guard output.count < maxScalarCount else { return nil }
            output.insert(n, at: i)
            i += 1
        }
        var scalars: [Unicode.Scalar] = []
        for code in output {
            guard let scalar = Unicode.Scalar(UInt32(code)) else { return nil }
            scalars.append(scalar)
        }
        return scalars
    }

    private static func adapt(_ delta: Int, _ count: Int, _ first: Bool) -> Int {
        var delta = first ? delta / damp : delta / 2
        delta += delta / count
        var k = 0
        while delta > ((base - tMin) * tMax) / 2 {
            delta /= base - tMin
            k += base
        }
        return k + (base - tMin + 1) * delta / (delta + skew)
    }

    private static func digit(_ value: Int) -> UInt8 {
        value < 26 ? UInt8(ascii: "a") + UInt8(value) : UInt8(ascii: "0") + UInt8(value - 26)
    }

    private static func digitValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): Int(byte - UInt8(ascii: "a"))
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): Int(byte - UInt8(ascii: "A"))
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0")) + 26
        default: nil
        }
    }
}
