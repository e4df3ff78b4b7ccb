import Foundation
import SealedCookieTestSupport
import Testing

@testable import SealedCookie

/// The codec's cache of opened values (`openedValueCacheCapacity`): a hit gives exactly what
/// opening the value in full gives at the same time, it is bounded, and only the very value it
/// holds (never a tampered or merely similar one) is a hit.
@Suite struct OpenedValueCacheTests {
    /// A session type without `Equatable`, whose opens for the request flow carry a digest.
    struct Opaque: Codable, Sendable {
        var bytes: [UInt8]
    }

    /// Counts the deserializer's calls: a hit makes none.
    final class CountingSerializer: SessionSerializer, Sendable {
        let calls = Locked(0)
        func serialize(_ session: [UInt8]) throws -> [UInt8] { session }
        func deserialize(_ bytes: [UInt8]) throws -> [UInt8] {
            calls.withLock { $0 += 1 }
            return bytes
        }
    }

    /// A clock the test sets.
    final class SettableClock: Sendable {
        let time = Locked(Date(timeIntervalSince1970: Fixture.now))
        var source: @Sendable () -> Date { { [time] in time.withLock { $0 } } }
        func set(_ seconds: TimeInterval) { time.withLock { $0 = Date(timeIntervalSince1970: seconds) } }
    }

    static func configuration(
        ring: KeyRing, clock: SettableClock, lifetimeMinutes: Int64 = 60, maxAge: Int64? = nil, skew: Int64 = 60,
        capacity: Int
    ) -> SessionCodecConfiguration {
        var configuration = SessionCodecConfiguration(
            cookieName: "session", keyRing: ring, lifetime: .seconds(lifetimeMinutes * 60),
            maxSessionAge: maxAge.map { .seconds($0) }, clockSkew: .seconds(skew), clock: clock.source)
        configuration.openedValueCacheCapacity = capacity
        return configuration
    }

    /// What one open gave, comparable: the session, header, re-seal decision and digest, or the
    /// error.
    enum Outcome: Equatable, CustomStringConvertible {
        case opened(session: [UInt8], header: EnvelopeHeader, needsResealing: Bool, digest: SessionDigest?)
        case refused(SessionCodecError)

        var description: String {
            switch self {
            case .opened(let session, let header, let needsResealing, let digest):
                "opened \(session.count) bytes, key \(header.keyID), needsResealing \(needsResealing), digest \(digest != nil)"
            case .refused(let error): "refused: \(error)"
            }
        }
    }

    static func outcome<Session>(
        _ codec: SessionCodec<Session>, _ value: String, digesting: Bool, bytes: (Session) -> [UInt8]
    ) -> Outcome {
        do {
            let opened = try codec.open(value, digesting: digesting)
            return .opened(
                session: bytes(opened.session), header: opened.header, needsResealing: opened.needsResealing,
                digest: opened.digest)
        } catch {
            return .refused(error)
        }
    }

    /// A value with one character changed to another base64url character, at `index`.
    static func tampered(_ value: String, at index: Int, using generator: inout SeededGenerator) -> String {
        var characters = Array(value)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        let original = characters[index]
        repeat {
            characters[index] = alphabet.randomElement(using: &generator) ?? "A"
        } while characters[index] == original
        return String(characters)
    }

    /// Seconds of work: it yields after each case, so that it never holds one of the few
    /// threads of the tests' shared pool for long (a test waiting on a deadline, such as the
    /// revocation article's 250 ms lookup, would otherwise see its deadline pass unserved).
    @Test func aCachedOpenIsAFullOpenWhateverTheValueAndTheTime() async throws {
        var generator = SeededGenerator.forTest()
        let older = try Fixture.sequentialKey(id: 1)
        let newer = try SessionKey(id: 2, bytes: Array(repeating: 7, count: 32))
        for index in 0..<1000 {
            await Task.yield()
            let clock = SettableClock()
            let start = Fixture.now + Double(Int.random(in: 0..<86_400, using: &generator))
            clock.set(start)
            // Key 2 activates during the test: re-sealing must be decided anew on hits.
            let activation = Date(timeIntervalSince1970: start + Double(Int.random(in: 1...7200, using: &generator)))
            let ring = try KeyRing(entries: [.init(key: newer, activation: activation), .init(key: older)])
            let lifetime = Int64.random(in: 1...120, using: &generator)
            let maxAge = Bool.random(using: &generator) ? Int64.random(in: 60...14_400, using: &generator) : nil
            let skew = Int64.random(in: 0...300, using: &generator)
            let digesting = Bool.random(using: &generator)
            let cached = try SessionCodec<Opaque>(
                configuration: Self.configuration(
                    ring: ring, clock: clock, lifetimeMinutes: lifetime, maxAge: maxAge, skew: skew,
                    capacity: Int.random(in: 1...4, using: &generator)))
            let full = try SessionCodec<Opaque>(
                configuration: Self.configuration(
                    ring: ring, clock: clock, lifetimeMinutes: lifetime, maxAge: maxAge, skew: skew, capacity: 0))
            let session = Opaque(
                bytes: (0..<Int.random(in: 0...600, using: &generator)).map { _ in
                    UInt8.random(in: 0...255, using: &generator)
                })
            let startedAt = start - Double(Int.random(in: 0...3600, using: &generator))
            let value = try full.seal(session, sessionStartedAt: Date(timeIntervalSince1970: startedAt))
            var values = [value, value]
            for _ in 0..<3 {
                values.append(
                    Self.tampered(value, at: Int.random(in: 0..<value.count, using: &generator), using: &generator))
            }
            values.append(String(value.dropLast()))
            // Times around every boundary: expiry, maximum age, the key's activation.
            let expiry = start + Double(lifetime * 60 + skew)
            var times = [
                start, expiry - 1, expiry, activation.timeIntervalSince1970, activation.timeIntervalSince1970 - 1,
            ]
            if let maxAge {
                let limit = startedAt + Double(maxAge + skew)
                times += [limit - 1, limit]
            }
            times += (0..<3).map { _ in
                start + Double(Int.random(in: -600...(Int(lifetime) * 60 + 600), using: &generator))
            }
            for time in times.shuffled(using: &generator) {
                clock.set(time)
                for candidate in values.shuffled(using: &generator) {
                    let expected = Self.outcome(full, candidate, digesting: digesting) { $0.bytes }
                    let actual = Self.outcome(cached, candidate, digesting: digesting) { $0.bytes }
                    #expect(
                        actual == expected,
                        "case \(index) (seed 0x\(String(generator.seed, radix: 16))): at \(time), \(actual) against \(expected)"
                    )
                    if actual != expected { return }
                }
            }
        }
    }

    @Test func aHitSkipsDeserializationAndWithoutTheCacheEveryOpenDeserializes() throws {
        let clock = SettableClock()
        let ring = try KeyRing(primary: Fixture.sequentialKey())
        for (capacity, calls) in [(1024, 1), (0, 3)] {
            let serializer = CountingSerializer()
            let codec = try SessionCodec(
                configuration: Self.configuration(ring: ring, clock: clock, capacity: capacity), serializer: serializer)
            let value = try codec.seal(Array("a session".utf8))
            for _ in 0..<3 { #expect(try codec.open(value).session == Array("a session".utf8)) }
            #expect(serializer.calls.withLock { $0 } == calls, "capacity \(capacity)")
        }
    }

    @Test func theCacheHoldsAtMostItsCapacityAndKeepsTheValueInUse() throws {
        let clock = SettableClock()
        let ring = try KeyRing(primary: Fixture.sequentialKey())
        for capacity in [1, 2, 3, 8] {
            let serializer = CountingSerializer()
            let codec = try SessionCodec(
                configuration: Self.configuration(ring: ring, clock: clock, capacity: capacity), serializer: serializer)
            let inUse = try codec.seal(Array("in use".utf8))
            for index in 0..<40 {
                _ = try codec.open(codec.seal(Array("session \(index)".utf8)))
                let count = try #require(codec.openedValues).count
                #expect(count <= capacity, "capacity \(capacity): \(count) values after \(index + 1) opens")
                #expect(count >= min(index + 1, max(1, capacity / 2)), "capacity \(capacity): \(count) values")
                if capacity >= 2 {
                    // Opened between every other value, it stays: one deserialization in all.
                    _ = try codec.open(inUse)
                }
            }
            if capacity >= 2 { #expect(serializer.calls.withLock { $0 } == 41, "capacity \(capacity)") }
        }
    }

    @Test func theCapacityIsCheckedAtItsBounds() throws {
        let clock = SettableClock()
        let ring = try KeyRing(primary: Fixture.sequentialKey())
        for capacity in [-1, 65_537] {
            #expect(
                throws: SessionCodecError.invalidConfiguration(
                    setting: "openedValueCacheCapacity", allowed: "0 to 65536 values")
            ) {
                try SessionCodec<[UInt8]>(
                    configuration: Self.configuration(ring: ring, clock: clock, capacity: capacity),
                    serializer: BytesSerializer())
            }
        }
        for capacity in [0, 1, 65_536] {
            let codec = try SessionCodec<[UInt8]>(
                configuration: Self.configuration(ring: ring, clock: clock, capacity: capacity),
                serializer: BytesSerializer())
            #expect(codec.openedValues?.capacity == (capacity == 0 ? nil : capacity))
        }
        #expect(SessionCodecConfiguration(cookieName: "session", keyRing: ring).openedValueCacheCapacity == 1024)
    }

    @Test func anOpenWithoutDigestDoesNotServeTheRequestFlowsOpen() throws {
        let clock = SettableClock()
        let ring = try KeyRing(primary: Fixture.sequentialKey())
        let codec = try SessionCodec<Opaque>(configuration: Self.configuration(ring: ring, clock: clock, capacity: 16))
        let full = try SessionCodec<Opaque>(configuration: Self.configuration(ring: ring, clock: clock, capacity: 0))
        let value = try codec.seal(Opaque(bytes: [1, 2, 3]))
        #expect(try codec.open(value).digest == nil)
        let digest = try #require(try codec.open(value, digesting: true).digest)
        #expect(digest == (try full.open(value, digesting: true).digest))
        // The flow's entry serves the application's open too, without a digest.
        #expect(try codec.open(value).digest == nil)
    }

    @Test func aValueSharingTheHashedBytesOfACachedOneIsNoHit() throws {
        var generator = SeededGenerator.forTest()
        let clock = SettableClock()
        let ring = try KeyRing(primary: Fixture.sequentialKey())
        let codec = try SessionCodec<[UInt8]>(
            configuration: Self.configuration(ring: ring, clock: clock, capacity: 16), serializer: BytesSerializer())
        for _ in 0..<500 {
            let value = try codec.seal((0..<200).map { _ in UInt8.random(in: 0...255, using: &generator) })
            _ = try codec.open(value)
            // Same first 64 characters (the hashed ones), one later character changed.
            let index = Int.random(in: 64..<value.count, using: &generator)
            #expect(throws: SessionCodecError.self) {
                try codec.open(Self.tampered(value, at: index, using: &generator))
            }
            #expect(throws: SessionCodecError.self) { try codec.open(value + "A") }
            #expect(throws: SessionCodecError.self) { try codec.open(String(value.dropLast())) }
        }
    }

    @Test func concurrentOpensAllGetTheirOwnSession() async throws {
        let clock = SettableClock()
        let ring = try KeyRing(primary: Fixture.sequentialKey())
        // A capacity far below the values in use: entries come and go while the tasks read.
        let codec = try SessionCodec<[UInt8]>(
            configuration: Self.configuration(ring: ring, clock: clock, capacity: 8), serializer: BytesSerializer())
        let sessions = (0..<64).map { Array("session \($0)".utf8) }
        let values = try sessions.map { try codec.seal($0) }
        let mismatches = await withTaskGroup(of: Int.self) { group in
            for task in 0..<8 {
                group.addTask {
                    var mismatches = 0
                    for round in 0..<2000 {
                        let index = (round * 7 + task * 13) % values.count
                        if (try? codec.open(values[index]).session) != sessions[index] { mismatches += 1 }
                    }
                    return mismatches
                }
            }
            return await group.reduce(0, +)
        }
        #expect(mismatches == 0)
        #expect(try #require(codec.openedValues).count <= 8)
    }
}
