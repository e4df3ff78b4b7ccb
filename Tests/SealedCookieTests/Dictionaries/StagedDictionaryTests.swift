import Foundation
import SealedCookieTestSupport
import Testing

@testable import SealedCookie

/// Dictionaries staged as keys are: the same rule (``ActivationModel``), chosen at seal time by
/// the codec's clock, a staged dictionary already decompressing.
@Suite struct StagedDictionaryTests {
    static let activation: TimeInterval = 1_796_860_800  // 2026-12-10T00:00:00Z
    let ring: KeyRing

    init() throws {
        ring = try KeyRing(primary: Fixture.sequentialKey())
    }

    /// Sixteen small raw-content dictionaries, ids 0 to 15 (the rule does not look at bytes).
    static let dictionaries: [SessionDictionary] = (0..<16).compactMap { id in
        try? SessionDictionary(id: UInt8(id), bytes: Array("dictionary \(id) {\"user\":\"u\(id)\"}".utf8))
    }

    @Test("the compressing dictionary follows the rule and is never staged; re-sealing only upgrades")
    func ringMatchesTheModel() throws {
        #expect(Self.dictionaries.count == 16)
        var generator = SeededGenerator.forTest()
        for _ in 0..<5000 {
            let entries = StagedKeyRingPropertyTests.randomEntries(using: &generator).map { entry in
                SessionDictionaryRing.Entry(
                    dictionary: Self.dictionaries[Int(entry.key.id)], activation: entry.activation)
            }
            let ring = try SessionDictionaryRing(entries: entries)
            let activations = entries.map(\.activation)
            #expect(ring.all.map(\.id) == entries.map(\.dictionary.id))
            #expect(ring.sealingDictionary(at: .distantFuture)?.id == ring.primary.id)
            for _ in 0..<8 {
                let time = StagedKeyRingPropertyTests.randomTime(using: &generator)
                let expected = ActivationModel.sealingIndex(activations, at: time)
                #expect(ring.sealingDictionary(at: time)?.id == expected.map { entries[$0].dictionary.id })
                guard let expected else {
                    #expect(ring.firstActivation == activations.compactMap { $0 }.min())
                    continue
                }
                #expect(activations[expected].map { $0 <= time } ?? true, "compressed with a staged dictionary")
                for (index, entry) in entries.enumerated() {
                    #expect(
                        ring.needsResealing(entry.dictionary.headerCompression, at: time)
                            == ActivationModel.ranksBelow(index, expected, in: activations), "\(ring) at \(time)")
                }
            }
        }
        #expect(throws: SessionDictionaryError.emptyRing) { try SessionDictionaryRing(entries: []) }
    }

    func codec(_ dictionaries: SessionDictionaryRing, at time: TimeInterval, skew: Double = 60) throws
        -> SessionCodec<[UInt8]>
    {
        try Fixture.bytesCodec(
            ring: ring, compression: .zstd(dictionaries: dictionaries), skew: .seconds(skew), at: time)
    }

    func stagedRing() throws -> SessionDictionaryRing {
        try SessionDictionaryRing(entries: [
            .init(
                dictionary: SessionDictionary(id: 2, bytes: Fixture.corpus("large")),
                activation: Date(timeIntervalSince1970: Self.activation)),
            .init(dictionary: Fixture.dictionary(id: 1)),
        ])
    }

    @Test(
        "the codec switches dictionaries at the activation time; across the clock skew a staged dictionary decompresses and is not re-sealed back"
    )
    func switchesAtActivationAcrossTheSkew() throws {
        let sample = try Fixture.corpus("medium")
        let staged = try stagedRing()
        #expect(staged.primary.id == 2 && staged.older.map(\.id) == [1])
        #expect(
            staged.description
                == "SessionDictionaryRing(primary: 2, older: [1], activations: [\"2@2026-12-10T00:00:00Z\"])")
        let before = try codec(staged, at: Self.activation - 1).seal(sample)
        #expect(try EnvelopeHeader(sealedValue: before).compression == .zstd(dictionaryID: 1))
        for sinceActivation in [0.0, 1, 59] {
            let ahead = try codec(staged, at: Self.activation + sinceActivation)
            let behind = try codec(staged, at: Self.activation + sinceActivation - 60)
            let fromAhead = try ahead.seal(sample)
            #expect(try EnvelopeHeader(sealedValue: fromAhead).compression == .zstd(dictionaryID: 2))
            let openedBehind = try behind.open(fromAhead)
            #expect(openedBehind.session == sample)
            #expect(openedBehind.needsResealing == false)
            let fromBehind = try behind.seal(sample)
            #expect(try EnvelopeHeader(sealedValue: fromBehind).compression == .zstd(dictionaryID: 1))
            #expect(try ahead.open(fromBehind).needsResealing)
            #expect(try ahead.open(before).needsResealing)
            #expect(try behind.open(before).needsResealing == false)
        }
    }

    @Test("with no dictionary active, the codec refuses to start and sealing says when the first activates")
    func noActiveDictionary() throws {
        let first = Date(timeIntervalSince1970: Self.activation)
        let staged = try SessionDictionaryRing(entries: [
            .init(dictionary: Fixture.dictionary(id: 1), activation: first)
        ])
        let early = first.addingTimeInterval(-5)
        #expect(throws: SessionCodecError.noActiveDictionary(at: early, firstActivation: first)) {
            try codec(staged, at: early.timeIntervalSince1970)
        }
        let clock = SettableClock(Self.activation)
        let running = try SessionCodec<[UInt8]>(
            configuration: .init(
                cookieName: "session", keyRing: ring, compression: .zstd(dictionaries: staged), clock: clock.source),
            serializer: BytesSerializer())
        let sample = try Fixture.corpus("small")
        let value = try running.seal(sample)
        clock.set(early.timeIntervalSince1970)
        #expect(throws: SessionCodecError.noActiveDictionary(at: early, firstActivation: first)) {
            try running.seal(sample)
        }
        #expect(try running.open(value).session == sample)
        #expect(SessionCodecError.noActiveDictionary(at: early, firstActivation: first).isUsageError)
    }
}
