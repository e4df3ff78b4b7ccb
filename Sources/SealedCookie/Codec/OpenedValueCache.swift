import CSodium

/// The sessions of the values a codec opened last, by value. A browser sends the same cookie on
/// every request until the session changes, so most opens are of a value this node opened
/// before: a hit skips base64, decryption, decompression and deserialization, which are most of
/// an open's cost. The checks that depend on the time (expiry, session age, re-sealing) run on
/// every open, hit or not, against the cached authenticated header.
///
/// Only values that opened are stored, as the deserializer returned their session: a hit gives
/// exactly what opening the value again would (a codec's keys, dictionaries and serializer never
/// change). Bounded: at most `capacity` values, in two generations of half of it (the older is
/// dropped whole when the newer fills, and a value opened from the older moves to the newer), so
/// lookups and inserts take constant time, memory stays flat, and a value in use stays.
///
/// A lookup hashes the value's first bytes (its header and random nonce) with a random key, and
/// confirms a hit by comparing the whole value in constant time: neither the table's probing
/// nor the comparison tells a client anything about the values of other users.
final class OpenedValueCache<Session: Sendable>: Sendable {
    /// One opened value and what opening it gave.
    struct Entry: Sendable {
        /// The sealed value's bytes (base64url, so ASCII).
        let value: [UInt8]
        let session: Session
        let header: EnvelopeHeader
        let digest: SessionDigest?
        /// Whether the open took the digest (or the session type needs none): an entry from an
        /// open that did not cannot serve one that must.
        let isDigested: Bool
    }

    private struct Generations {
        var current: [UInt64: Entry] = [:]
        var previous: [UInt64: Entry] = [:]
    }

    /// How many values at most.
    let capacity: Int
    /// Half the capacity each (a capacity of 1: one generation of 1), so that the two hold at
    /// most `capacity` together.
    private let generationCapacity: Int
    private let generations = Locked(Generations())
    /// The key of the lookup hash, random per cache: it keeps clients from choosing values that
    /// collide in the table. Not a secret that protects sessions, so in ordinary memory.
    private let hashKey: [UInt8]

    /// How many leading bytes of a value are hashed: more than any header and its 24-byte
    /// random nonce, which already tell one sealed value from another.
    private static var hashedPrefix: Int { 64 }

    /// A cache of at most `capacity` values (at least 1).
    init(capacity: Int) {
        self.capacity = capacity
        self.generationCapacity = max(1, capacity / 2)
        var key = [UInt8](repeating: 0, count: Int(crypto_shorthash_KEYBYTES))
        key.withUnsafeMutableBytes { SecureRandom.fill($0) }
        self.hashKey = key
    }

    /// The entry of `value`, when it was opened before and is still held.
    func entry(for value: String) -> Entry? {
        let found: Entry?? = value.utf8.withContiguousStorageIfAvailable { bytes in
            let slot = hash(of: UnsafeRawBufferPointer(bytes))
            let entry: Entry? = generations.withLock { generations in
                if let entry = generations.current[slot] { return entry }
                // A value still in use moves to the newer generation, so it outlives the older one.
                guard let entry = generations.previous.removeValue(forKey: slot) else { return nil }
                insert(entry, slot: slot, into: &generations)
                return entry
            }
            guard let entry, entry.value.count == bytes.count,
                entry.value.withUnsafeBytes({ sodium_memcmp($0.baseAddress, bytes.baseAddress, bytes.count) }) == 0
            else { return nil }
            return entry
        }
        return found ?? nil
    }

    /// Keeps `entry`, dropping the oldest generation's values as needed to stay within capacity.
    func insert(_ entry: Entry) {
        let slot = entry.value.withUnsafeBytes { hash(of: $0) }
        generations.withLock { insert(entry, slot: slot, into: &$0) }
    }

    /// How many values are held; for tests.
    var count: Int { generations.withLock { $0.current.count + $0.previous.count } }

    private func insert(_ entry: Entry, slot: UInt64, into generations: inout Generations) {
        if generations.current[slot] == nil, generations.current.count >= generationCapacity {
            // The older generation goes whole: its values were not opened since the newer began.
            generations.previous = capacity > 1 ? generations.current : [:]
            generations.current = [:]
        }
        generations.current[slot] = entry
    }

    /// SipHash-2-4 (libsodium's `crypto_shorthash`) of the value's first bytes.
    private func hash(of value: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0
        let prefix = UnsafeRawBufferPointer(rebasing: value.prefix(Self.hashedPrefix))
        withUnsafeMutableBytes(of: &hash) { out in
            hashKey.withUnsafeBytes { key in
                guard let output = out.baseAddress, let keyBytes = key.baseAddress else { return }
                _ = crypto_shorthash(
                    output.assumingMemoryBound(to: UInt8.self), prefix.baseAddress?.assumingMemoryBound(to: UInt8.self),
                    UInt64(prefix.count), keyBytes.assumingMemoryBound(to: UInt8.self))
            }
        }
        return hash
    }
}
