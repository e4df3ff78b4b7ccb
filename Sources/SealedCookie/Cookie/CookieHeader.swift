/// The cookies of a request's `Cookie` header(s), in order, duplicates kept.
///
/// Parsing is lenient in the way of RFC 6265bis section 5.4 and real servers: pairs are split
/// on `;`, whitespace (space and tab) around names and values is dropped, empty pairs from
/// stray semicolons are skipped, a pair without `=` is a cookie with an empty name, and one
/// pair of double quotes around a value is removed. Names are compared exactly (case
/// matters).
///
/// Duplicates matter: a cookie set with `Domain=example.com` and a host-only cookie of the same
/// name are both sent, and any sibling subdomain can plant one, so readers should try each
/// candidate (``values(named:)``) rather than trust the first.
///
/// Work is bounded before it starts: the total length of the header fields is checked first,
/// and parsing stops at the pair limit.
///
/// ```swift
/// let cookies = try CookieHeader(parsing: request.headers[values: .cookie])
/// let candidates = cookies.values(named: "session")
/// ```
package struct CookieHeader: Sendable, Equatable {
    /// The bounds applied before and while parsing.
    package struct Limits: Sendable, Equatable {
        /// The most bytes of all `Cookie` fields together; default 16 KiB, twice the common
        /// 8190-byte proxy limit, so that a header a proxy let through is still read.
        package var maxByteCount: Int
        /// The most cookie pairs; default 256 (Chrome keeps at most 180 per domain).
        package var maxPairCount: Int

        /// Makes limits; the defaults suit a site served through nginx or Apache defaults.
        package init(maxByteCount: Int = 16 * 1024, maxPairCount: Int = 256) {
            self.maxByteCount = maxByteCount
            self.maxPairCount = maxPairCount
        }
    }

    /// One `name=value` pair as the browser sent it.
    package struct Pair: Sendable, Equatable {
        /// The name, possibly empty.
        package var name: String
        /// The value, without surrounding whitespace or one pair of double quotes.
        package var value: String

        /// Makes a pair.
        package init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The pairs in the order they were sent, across all header fields.
    package let pairs: [Pair]

    /// Parses one or more `Cookie` header field values (HTTP/2 may split cookies over several
    /// fields; they are read in order).
    /// - Throws: ``CookieHeaderError`` when a limit is exceeded.
    package init(parsing fields: [String], limits: Limits = Limits()) throws(CookieHeaderError) {
        var length = 0
        for field in fields {
            length += field.utf8.count
            guard length <= limits.maxByteCount else {
                throw .headerTooLong(length: fields.reduce(0) { $0 &+ $1.utf8.count }, limit: limits.maxByteCount)
            }
        }
        var pairs: [Pair] = []
        for field in fields {
            var field = field
            // On the contiguous UTF-8 of the field: stepping a string view byte by byte costs
            // several times more on a cookie of a few kilobytes.
            let isFull = field.withUTF8 { Self.appendPairs(of: $0, to: &pairs, limit: limits.maxPairCount) }
            if isFull { throw .tooManyPairs(limit: limits.maxPairCount) }
        }
        self.pairs = pairs
    }

    /// Parses one `Cookie` header field value.
    /// - Throws: ``CookieHeaderError`` when a limit is exceeded.
    package init(parsing field: String, limits: Limits = Limits()) throws(CookieHeaderError) {
        try self.init(parsing: [field], limits: limits)
    }

    /// The values of every cookie named `name`, in the order sent.
    package func values(named name: String) -> [String] {
        pairs.filter { $0.name == name }.map(\.value)
    }

    /// The value of the first cookie named `name`.
    package func firstValue(named name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// Appends the pairs of one field, split on `;`, skipping empty ones; returns true, with
    /// `pairs` holding `limit` pairs, when the field has more than fit.
    private static func appendPairs(of field: UnsafeBufferPointer<UInt8>, to pairs: inout [Pair], limit: Int) -> Bool {
        var start = 0
        for end in 0...field.count where end == field.count || field[end] == UInt8(ascii: ";") {
            defer { start = end + 1 }
            guard let pair = pair(field[start..<end]) else { continue }
            guard pairs.count < limit else { return true }
            pairs.append(pair)
        }
        return false
    }

    /// A pair from the text between two semicolons, or nil when it is only whitespace.
    private static func pair(_ piece: Slice<UnsafeBufferPointer<UInt8>>) -> Pair? {
        let trimmed = trim(piece)
        guard !trimmed.isEmpty else { return nil }
        guard let equals = trimmed.firstIndex(of: UInt8(ascii: "=")) else {
            return Pair(name: "", value: String(decoding: unquote(trimmed), as: UTF8.self))
        }
        let name = trim(trimmed[..<equals])
        let value = unquote(trim(trimmed[trimmed.index(after: equals)...]))
        return Pair(name: String(decoding: name, as: UTF8.self), value: String(decoding: value, as: UTF8.self))
    }

    private static func trim(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Slice<UnsafeBufferPointer<UInt8>> {
        let isSpace = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        var result = bytes
        while let first = result.first, isSpace(first) { result = result.dropFirst() }
        while let last = result.last, isSpace(last) { result = result.dropLast() }
        return result
    }

    private static func unquote(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Slice<UnsafeBufferPointer<UInt8>> {
        guard bytes.count >= 2, bytes.first == UInt8(ascii: "\""), bytes.last == UInt8(ascii: "\"") else {
            return bytes
        }
        return bytes.dropFirst().dropLast()
    }
}
