/// The chunking scheme: how one sealed value too large for a cookie is spread over several.
///
/// The value is sealed once under the base name (the codec binds that name into the
/// authenticated data) and then cut into consecutive pieces, carried by cookies named
/// `name`, `name.1`, `name.2` … `name.N-1`:
///
/// ```
/// unchunked:  name=<sealed value>
/// N chunks:   name=<N>~<piece 0>; name.1=<piece 1>; …; name.N-1=<piece N-1>
/// ```
///
/// `N` is written in decimal without leading zeros (2 to 32) and `~` cannot occur in base64url,
/// so the two forms cannot be confused. The marker on the first cookie makes a missing or extra
/// chunk detectable before any decoding; reordered or mixed pieces fail authentication, since
/// the whole value is one AEAD envelope.
enum CookieChunks {
    /// The largest chunk count the scheme allows.
    static let maxChunkCountLimit = 32

    /// The name of chunk `index` (0 is the base name).
    static func name(base: String, index: Int) -> String {
        index == 0 ? base : base + "." + String(index)
    }

    /// The index of a chunk cookie named `base.k` (1 to 99, no leading zero), or nil for any
    /// other name.
    static func index(ofName name: String, base: String) -> Int? {
        let nameBytes = name.utf8
        let baseBytes = base.utf8
        guard nameBytes.count > baseBytes.count + 1, nameBytes.count <= baseBytes.count + 3,
            nameBytes.starts(with: baseBytes)
        else { return nil }
        let rest = nameBytes.dropFirst(baseBytes.count)
        guard rest.first == UInt8(ascii: ".") else { return nil }
        return decimal(rest.dropFirst())
    }

    /// A decimal number of 1 or 2 digits without a leading zero, at least 1.
    private static func decimal(_ digits: Substring.UTF8View) -> Int? {
        guard (1...2).contains(digits.count), digits.first != UInt8(ascii: "0") else { return nil }
        var value = 0
        for digit in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) else { return nil }
            value = value * 10 + Int(digit - UInt8(ascii: "0"))
        }
        return value
    }

    /// Cuts `sealed` into as few cookie values as fit, or nil when `maxChunkCount` cookies
    /// cannot carry it. `capacity(i)` is the longest value chunk `i` may have.
    static func split(_ sealed: String, maxChunkCount: Int, capacity: (Int) -> Int) -> [String]? {
        let bytes = Array(sealed.utf8)
        if bytes.count <= capacity(0) { return [sealed] }
        guard maxChunkCount >= 2 else { return nil }
        for count in 2...min(maxChunkCount, maxChunkCountLimit) {
            let marker = String(count) + "~"
            let capacities = [capacity(0) - marker.utf8.count] + (1..<count).map(capacity)
            guard capacities.allSatisfy({ $0 > 0 }), capacities.reduce(0, +) >= bytes.count else { continue }
            var values: [String] = []
            var start = 0
            for (index, room) in capacities.enumerated() {
                let end = min(bytes.count, start + room)
                let piece = String(decoding: bytes[start..<end], as: UTF8.self)
                values.append(index == 0 ? marker + piece : piece)
                start = end
            }
            return values
        }
        return nil
    }

    /// The index of the `~` that ends a chunk marker in `value`, searched on its contiguous
    /// UTF-8 (a view steps byte by byte several times slower through a value of kilobytes).
    private static func markerEnd(in value: String) -> String.Index? {
        let utf8 = value.utf8
        guard let offset = utf8.withContiguousStorageIfAvailable({ $0.firstIndex(of: UInt8(ascii: "~")) }) else {
            return utf8.firstIndex(of: UInt8(ascii: "~"))
        }
        return offset.map { utf8.index(utf8.startIndex, offsetBy: $0) }
    }

    /// What `maxChunkCount` cookies can carry at most.
    static func totalCapacity(maxChunkCount: Int, capacity: (Int) -> Int) -> Int {
        if maxChunkCount <= 1 { return max(0, capacity(0)) }
        let marker = String(maxChunkCount).utf8.count + 1
        return max(0, capacity(0) - marker) + (1..<maxChunkCount).reduce(0) { $0 + max(0, capacity($1)) }
    }

    /// The chunk indices (1 or more) present in a request, sorted, each once.
    static func presentIndices(in header: CookieHeader, base: String) -> [Int] {
        Set(header.pairs.compactMap { index(ofName: $0.name, base: base) }).sorted()
    }

    /// The most candidates visited per request, whether or not they reach decryption: a bound
    /// on the cheap work too (chunk combinations multiply), at the default pair limit.
    static let maxVisits = 256

    /// Calls `visit` with each candidate sealed value in the request, in order (every cookie
    /// named `base`, and for a chunked one every combination of duplicate chunks), or with the
    /// reason a candidate cannot be assembled, until `visit` returns false or ``maxVisits``
    /// were visited.
    ///
    /// Chunks beyond the count a first cookie announces, and indices at or beyond
    /// `maxChunkCount`, are ignored: any sibling subdomain can plant `base.k`, and the joined
    /// value is authenticated as a whole anyway.
    ///
    /// - Returns: Whether ``maxVisits`` ended the visits while a candidate that assembles was
    ///   left: the reader then has not seen every session the request carries. Reaching the
    ///   bound on the last such candidate is not a truncation.
    static func forEachCandidate(
        in header: CookieHeader, base: String, maxChunkCount: Int,
        _ visit: (Result<String, SessionCookieError>) -> Bool
    ) -> Bool {
        var candidates = Candidates(in: header, base: base, maxChunkCount: maxChunkCount)
        var visits = 0
        while let candidate = candidates.next() {
            guard visits < maxVisits else {
                if case .success = candidate { return true }
                return candidates.containsAssembled()
            }
            visits += 1
            guard visit(candidate) else { return false }
        }
        return false
    }

    /// The candidates of one request, made one at a time: chunk combinations multiply, so they
    /// are never all built, and the caller can stop at any one.
    struct Candidates {
        private let firsts: [String]
        private let chunks: [Int: [String]]
        private let maxChunkCount: Int
        /// Whether the request has chunks but no first cookie, a failure not yet reported.
        private var isOrphaned: Bool
        private var nextFirst = 0
        /// The first cookie whose combinations are being made, its first piece, and the
        /// odometer over its duplicate chunks: `choice[i]` picks among the cookies named `base.i`.
        private var current: (first: String, piece: Substring, choice: [Int])?

        init(in header: CookieHeader, base: String, maxChunkCount: Int) {
            var chunks: [Int: [String]] = [:]
            for pair in header.pairs {
                if let index = CookieChunks.index(ofName: pair.name, base: base), index < maxChunkCount {
                    chunks[index, default: []].append(pair.value)
                }
            }
            self.firsts = header.values(named: base)
            self.chunks = chunks
            self.maxChunkCount = maxChunkCount
            self.isOrphaned = firsts.isEmpty && !chunks.isEmpty
        }

        /// The next candidate, or nil when every one was made.
        mutating func next() -> Result<String, SessionCookieError>? {
            if isOrphaned {
                isOrphaned = false
                return .failure(.missingChunk(index: 0))
            }
            if current == nil {
                guard nextFirst < firsts.count else { return nil }
                let first = firsts[nextFirst]
                nextFirst += 1
                switch layout(of: first) {
                case .failure(let error): return .failure(error)
                case .success(let (piece, count)): current = (first, piece, [Int](repeating: 0, count: count))
                }
            }
            guard var made = current else { return nil }
            var assembled = made.choice.count == 1 ? made.first : String(made.piece)
            for index in made.choice.indices.dropFirst() { assembled += chunks[index]?[made.choice[index]] ?? "" }
            // Every combination of duplicates, first-sent first: the last index turns fastest.
            var position = made.choice.count - 1
            while position >= 1 {
                made.choice[position] += 1
                if made.choice[position] < chunks[position]?.count ?? 0 { break }
                made.choice[position] = 0
                position -= 1
            }
            current = position >= 1 ? made : nil
            return .success(assembled)
        }

        /// Whether a candidate not yet made assembles; uses up the rest. Cheap: a first cookie
        /// that does not assemble costs one check, and the first candidate that does ends it.
        mutating func containsAssembled() -> Bool {
            while let candidate = next() {
                if case .success = candidate { return true }
            }
            return false
        }

        /// The first piece of `first` and how many chunks it announces (1 without a marker), or
        /// why it cannot be assembled.
        private func layout(of first: String) -> Result<(Substring, Int), SessionCookieError> {
            guard let tilde = CookieChunks.markerEnd(in: first) else { return .success((Substring(first), 1)) }
            let bytes = Substring(first).utf8
            guard let count = CookieChunks.decimal(bytes[..<tilde]), count >= 2 else {
                return .failure(.malformedChunkMarker)
            }
            guard count <= maxChunkCount else { return .failure(.tooManyChunks(count: count, limit: maxChunkCount)) }
            if let missing = (1..<count).first(where: { chunks[$0] == nil }) {
                return .failure(.missingChunk(index: missing))
            }
            return .success((Substring(bytes[bytes.index(after: tilde)...]), count))
        }
    }
}
