import Foundation
import SealedCookieTestSupport
import Testing

@testable import SealedCookie

/// A clock the test sets to any time, backwards included.
final class SettableClock: Sendable {
    private let seconds: Locked<TimeInterval>

    init(_ seconds: TimeInterval) { self.seconds = Locked(seconds) }

    func set(_ value: TimeInterval) { seconds.withLock { $0 = value } }

    var source: @Sendable () -> Date { { [self] in Date(timeIntervalSince1970: seconds.withLock { $0 }) } }
}

/// The activation rule, written as plainly as possible to check the ring against: among the
/// entries active at `time` (no activation, or one not after it), the one with the latest
/// activation, the first listed among equals.
enum ActivationModel {
    static func sealingIndex(_ activations: [Date?], at time: Date) -> Int? {
        var best: Int?
        for (index, activation) in activations.enumerated() where activation.map({ $0 <= time }) ?? true {
            guard let current = best else {
                best = index
                continue
            }
            if precedes(activation, activations[current]) { best = index }
        }
        return best
    }

    /// Whether an entry activated at `left` ranks strictly above one activated at `right` that is
    /// listed before it (so equal activations keep the earlier listed one).
    static func precedes(_ left: Date?, _ right: Date?) -> Bool {
        switch (left, right) {
        case (let l?, let r?): l > r
        case (_?, nil): true
        case (nil, _): false
        }
    }

    /// Whether the entry at `index` ranks below the one at `other`.
    static func ranksBelow(_ index: Int, _ other: Int, in activations: [Date?]) -> Bool {
        guard index != other else { return false }
        let (first, second) = index < other ? (index, other) : (other, index)
        // The later listed entry outranks the earlier only with a strictly later activation.
        let secondOutranks = precedes(activations[second], activations[first])
        return index == first ? secondOutranks : !secondOutranks
    }
}

/// Random rings of staged and unstaged keys against ``ActivationModel``.
@Suite struct StagedKeyRingPropertyTests {
    static let base: TimeInterval = 1_796_860_800  // 2026-12-10T00:00:00Z

    /// Sixteen keys made once: rings share them, so thousands of rings cost no key generation.
    static let keys: [SessionKey] = (0...SessionKey.maxID).compactMap { try? SessionKey.generate(id: $0) }

    /// A ring of 1 to 6 keys with random distinct ids, in random order, each with an activation
    /// time from a few hours around `base` (ties likely) or none.
    static func randomEntries(using generator: inout SeededGenerator) -> [KeyRing.Entry] {
        let ids = Array(
            (0...SessionKey.maxID).shuffled(using: &generator).prefix(Int.random(in: 1...6, using: &generator)))
        return ids.map { id in
            let staged = Int.random(in: 0..<3, using: &generator) > 0
            let activation =
                staged
                ? Date(timeIntervalSince1970: base + Double(Int.random(in: -3...6, using: &generator)) * 3600) : nil
            return KeyRing.Entry(key: keys[Int(id)], activation: activation)
        }
    }

    /// Times around and exactly at the activations, one second either side included.
    static func randomTime(using generator: inout SeededGenerator) -> Date {
        let hour = Double(Int.random(in: -5...8, using: &generator)) * 3600
        return Date(timeIntervalSince1970: base + hour + Double(Int.random(in: -1...1, using: &generator)))
    }

    @Test("the sealing key follows the rule, is never staged, and the ring opens with every key")
    func sealingKeyMatchesTheModel() throws {
        #expect(Self.keys.count == 16)
        var generator = SeededGenerator.forTest()
        for _ in 0..<5000 {
            let entries = Self.randomEntries(using: &generator)
            let ring = try KeyRing(entries: entries)
            let activations = entries.map(\.activation)
            for entry in entries { #expect(ring.key(withID: entry.key.id) == entry.key) }
            #expect(ring.entries == entries)
            #expect(Set(([ring.primary] + ring.older).map(\.id)) == Set(entries.map(\.key.id)))
            #expect(ring.sealingKey(at: .distantFuture) == ring.primary)
            for _ in 0..<8 {
                let time = Self.randomTime(using: &generator)
                let expected = ActivationModel.sealingIndex(activations, at: time)
                let sealing = ring.sealingKey(at: time)
                #expect(sealing?.id == expected.map { entries[$0].key.id }, "\(ring) at \(time)")
                guard let expected else {
                    #expect(ring.firstActivation == activations.compactMap { $0 }.min())
                    #expect(activations.allSatisfy { $0.map { $0 > time } ?? false })
                    continue
                }
                #expect(activations[expected].map { $0 <= time } ?? true, "sealed with a staged key")
                for (index, entry) in entries.enumerated() {
                    #expect(
                        ring.needsResealing(keyID: entry.key.id, at: time)
                            == ActivationModel.ranksBelow(index, expected, in: activations), "\(ring) at \(time)")
                }
            }
        }
    }

    @Test("a codec seals with the model's key and opens values of every key of its ring")
    func codecsAgreeWithTheModel() throws {
        var generator = SeededGenerator.forTest()
        let sample: [UInt8] = Array("{\"user\":1}".utf8)
        for _ in 0..<300 {
            let entries = Self.randomEntries(using: &generator)
            let time = Self.randomTime(using: &generator)
            let ring = try KeyRing(entries: entries)
            guard let expected = ActivationModel.sealingIndex(entries.map(\.activation), at: time) else {
                #expect(throws: SessionCodecError.self) {
                    try Fixture.bytesCodec(ring: ring, at: time.timeIntervalSince1970)
                }
                continue
            }
            let codec = try Fixture.bytesCodec(ring: ring, at: time.timeIntervalSince1970)
            let value = try codec.seal(sample)
            #expect(try EnvelopeHeader(sealedValue: value).keyID == entries[expected].key.id)
            #expect(try codec.open(value).needsResealing == false)
            for entry in entries {
                let alone = try Fixture.bytesCodec(ring: KeyRing(primary: entry.key), at: time.timeIntervalSince1970)
                #expect(try codec.open(alone.seal(sample)).session == sample)
            }
        }
    }
}

/// Activation times in ring text: the format, every way it can be wrong, and the round trip.
@Suite struct KeyRingActivationTextTests {
    static let key = String(repeating: "A", count: 43)
    static let other = String(repeating: "0f", count: 32)
    static let december = Date(timeIntervalSince1970: 1_796_860_800)  // 2026-12-10T00:00:00Z

    @Test("Z, z, lower-case t and +00:00 all read as UTC")
    func utcSpellings() throws {
        for time in ["2026-12-10T00:00:00Z", "2026-12-10t00:00:00z", "2026-12-10T00:00:00+00:00"] {
            let ring = try KeyRing(text: "2:\(Self.key)@\(time), 1:\(Self.other)")
            #expect(ring.entries.map(\.activation) == [Self.december, nil], "\(time)")
            #expect(ring.primary.id == 2 && ring.older.map(\.id) == [1])
            var bytes = Array("2:\(Self.key)@\(time)\n1:\(Self.other)".utf8)
            #expect(try KeyText.parsing(&bytes, KeyRing.init(utf8:)).entries.map(\.activation) == [Self.december, nil])
            #expect(bytes.allSatisfy { $0 == 0 })
        }
        let leap = try KeyRing(text: "3:\(Self.key)@2028-02-29T23:59:59Z")
        #expect(leap.entries[0].activation == Date(timeIntervalSince1970: 1_835_481_599))
    }

    @Test(
        "malformed activation times are refused with their entry's position, and never echo a key",
        arguments: [
            ("@", SessionKeyError.invalidActivation(position: 2)),
            ("@2026-12-10", .invalidActivation(position: 2)),
            ("@2026-12-10T00:00:00", .invalidActivation(position: 2)),
            ("@2026-12-10T00:00Z", .invalidActivation(position: 2)),
            ("@2026-12-10T00:00:00.5Z", .invalidActivation(position: 2)),
            ("@2026-13-01T00:00:00Z", .invalidActivation(position: 2)),
            ("@2026-00-01T00:00:00Z", .invalidActivation(position: 2)),
            ("@2026-02-29T00:00:00Z", .invalidActivation(position: 2)),
            ("@2026-04-31T00:00:00Z", .invalidActivation(position: 2)),
            ("@2026-12-00T00:00:00Z", .invalidActivation(position: 2)),
            ("@2026-12-10T24:00:00Z", .invalidActivation(position: 2)),
            ("@2026-12-10T23:60:00Z", .invalidActivation(position: 2)),
            ("@2026-12-10T23:59:60Z", .invalidActivation(position: 2)),
            ("@2026-12-10X00:00:00Z", .invalidActivation(position: 2)),
            ("@26-12-10T00:00:00Z", .invalidActivation(position: 2)),
            ("@2026-12-10T00:00:00+0000", .invalidActivation(position: 2)),
            ("@2026-12-10T00:00:00+00:60", .invalidActivation(position: 2)),
            ("@2026-12-10T00:00:00ZZ", .invalidActivation(position: 2)),
            ("@2026-12-10T00:00:00Z@2026-12-11T00:00:00Z", .invalidActivation(position: 2)),
            ("@+2026-12-10T00:00:00Z", .invalidActivation(position: 2)),
            ("@2026-12-10T00:00:00+01:00", .activationNotUTC(position: 2)),
            ("@2026-12-10T00:00:00-05:00", .activationNotUTC(position: 2)),
            ("@2026-12-10T00:00:00-00:00", .activationNotUTC(position: 2)),
            ("@2026-12-10T00:00:00+00:01", .activationNotUTC(position: 2)),
        ])
    func malformedActivation(suffix: String, error: SessionKeyError) throws {
        let text = "1:\(Self.other), 2:\(Self.key)\(suffix), 3:\(Self.key)"
        #expect(throws: error) { try KeyRing(text: text) }
        #expect(!error.description.contains(Self.key) && !error.description.contains(Self.other))
        #expect(error.description.contains("entry 2"))
        // The same from a file and from the environment, whose copies are zeroed either way.
        var bytes = Array(text.utf8)
        #expect(throws: error) { try KeyText.parsing(&bytes, KeyRing.init(utf8:)) }
        #expect(bytes.allSatisfy { $0 == 0 })
    }

    @Test("an entry without a key before its activation time is not of the form ID:KEY@TIME")
    func missingKey() {
        #expect(throws: SessionKeyError.invalidEntry(position: 1)) { try KeyRing(text: "1:@2026-12-10T00:00:00Z") }
        // A space ends an entry, so a time written with one is cut short.
        #expect(throws: SessionKeyError.invalidActivation(position: 1)) {
            try KeyRing(text: "1:\(Self.key)@2026-12-10 00:00:00Z")
        }
    }

    @Test("formatting a ring and parsing it again gives the same ring")
    func roundTrip() throws {
        var generator = SeededGenerator.forTest()
        for _ in 0..<2000 {
            let entries = StagedKeyRingPropertyTests.randomEntries(using: &generator).map { entry in
                // Any second from 1970 to 9999 formats and parses back.
                entry.activation == nil
                    ? entry
                    : KeyRing.Entry(
                        key: entry.key,
                        activation: Date(
                            timeIntervalSince1970: Double(Int64.random(in: 0...253_402_300_799, using: &generator))))
            }
            let ring = try KeyRing(entries: entries)
            let text = ring.exportText()
            let separator = [",", " ", "\n", "\r\n", "\t", ", "].randomElement(using: &generator) ?? "\n"
            let parsed = try KeyRing(text: text.replacingOccurrences(of: "\n", with: separator))
            #expect(parsed.entries == entries, "\(ring)")
        }
        #expect(ActivationTime.format(Self.december) == "2026-12-10T00:00:00Z")
        #expect(ActivationTime.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
        #expect(ActivationTime.format(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00Z")
    }

    @Test("files and environment variables carry activation times; descriptions show ids and times only")
    func filesAndEnvironment() throws {
        let text = "2:\(Self.key)@2026-12-10T00:00:00Z\n1:\(Self.other)\n"
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("staged-ring-\(UUID().uuidString)")
            .path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fromFile = try KeyRing(contentsOfFile: path)
        let name = "SEALED_COOKIE_STAGED_RING_TEST"
        setenv(name, text, 1)
        defer { unsetenv(name) }
        let fromEnvironment = try KeyRing(environmentVariable: name)
        for ring in [fromFile, fromEnvironment] {
            #expect(ring.entries.map(\.activation) == [Self.december, nil])
            #expect(ring.description == "KeyRing(primary: 2, older: [1], activations: [\"2@2026-12-10T00:00:00Z\"])")
            #expect(ring.sealingKey(at: Self.december.addingTimeInterval(-1))?.id == 1)
            #expect(ring.sealingKey(at: Self.december)?.id == 2)
        }
    }
}

/// Staged keys through codecs: no key active, the clock skew between nodes, and re-sealing
/// that never goes back to the older key.
@Suite struct StagedKeyCodecTests {
    static let activation: TimeInterval = 1_796_860_800  // 2026-12-10T00:00:00Z
    let sample: [UInt8] = Array("{\"user\":1}".utf8)
    let old: SessionKey
    let new: SessionKey
    let ring: KeyRing

    init() throws {
        old = try SessionKey.generate(id: 1)
        new = try SessionKey.generate(id: 2)
        ring = try KeyRing(entries: [
            .init(key: new, activation: Date(timeIntervalSince1970: Self.activation)), .init(key: old),
        ])
    }

    @Test("the codec switches keys at the activation time, with no new ring")
    func switchesAtActivation() throws {
        let clock = SettableClock(Self.activation - 1)
        let codec = try SessionCodec<[UInt8]>(
            configuration: .init(cookieName: "session", keyRing: ring, clock: clock.source),
            serializer: BytesSerializer())
        let before = try codec.seal(sample)
        #expect(try EnvelopeHeader(sealedValue: before).keyID == 1)
        #expect(try codec.open(before).needsResealing == false)
        clock.set(Self.activation)
        let after = try codec.seal(sample)
        #expect(try EnvelopeHeader(sealedValue: after).keyID == 2)
        #expect(try codec.open(before).needsResealing)
        #expect(try codec.open(after).needsResealing == false)
    }

    @Test(
        "a value sealed just after activation opens on a node whose clock is behind by the skew, and neither node re-seals the other's value back and forth"
    )
    func clockSkew() throws {
        let skew = 60.0
        for sinceActivation in [0.0, 1, 30, 59] {
            let ahead = try Fixture.bytesCodec(ring: ring, skew: .seconds(skew), at: Self.activation + sinceActivation)
            let behind = try Fixture.bytesCodec(
                ring: ring, skew: .seconds(skew), at: Self.activation + sinceActivation - skew)
            let fromAhead = try ahead.seal(sample)
            #expect(try EnvelopeHeader(sealedValue: fromAhead).keyID == 2)
            let openedBehind = try behind.open(fromAhead)
            #expect(openedBehind.session == sample)
            // Key 2 is still staged on the node behind: it ranks above key 1, so no downgrade.
            #expect(openedBehind.needsResealing == false)
            // What the node behind seals meanwhile (key 1) is upgraded by the node ahead, once.
            let fromBehind = try behind.seal(sample)
            #expect(try EnvelopeHeader(sealedValue: fromBehind).keyID == 1)
            let openedAhead = try ahead.open(fromBehind)
            #expect(openedAhead.needsResealing)
            let upgraded = try ahead.seal(openedAhead.session)
            #expect(try behind.open(upgraded).needsResealing == false)
            #expect(try ahead.open(upgraded).needsResealing == false)
        }
    }

    @Test("with no key active, the codec refuses to start and sealing says when the first key activates")
    func noActiveKey() throws {
        let first = Date(timeIntervalSince1970: Self.activation)
        let staged = try KeyRing(entries: [
            .init(key: new, activation: first.addingTimeInterval(3600)), .init(key: old, activation: first),
        ])
        #expect(staged.firstActivation == first)
        let early = Date(timeIntervalSince1970: Self.activation - 10)
        #expect(throws: SessionCodecError.noActiveKey(at: early, firstActivation: first)) {
            try Fixture.bytesCodec(ring: staged, at: early.timeIntervalSince1970)
        }
        // A clock set back after start-up: sealing fails with the same error, opening still works.
        let clock = SettableClock(Self.activation)
        let codec = try SessionCodec<[UInt8]>(
            configuration: .init(cookieName: "session", keyRing: staged, clock: clock.source),
            serializer: BytesSerializer())
        let value = try codec.seal(sample)
        clock.set(early.timeIntervalSince1970)
        #expect(throws: SessionCodecError.noActiveKey(at: early, firstActivation: first)) { try codec.seal(sample) }
        #expect(try codec.open(value).session == sample)
        let error = SessionCodecError.noActiveKey(at: early, firstActivation: first)
        #expect(error.isUsageError)
        #expect(error.description.contains("2026-12-10T00:00:00Z"))
    }
}
