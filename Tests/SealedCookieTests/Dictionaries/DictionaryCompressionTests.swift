import Foundation
import SealedCookieTestSupport
import Testing

@_spi(Benchmarks) @testable import SealedCookie

/// zstd with session dictionaries: sizes, rotation through the ring, and every way a frame or
/// a dictionary can be wrong.
@Suite struct DictionaryCompressionTests {
    let key: SessionKey
    let ring: KeyRing

    init() throws {
        key = try Fixture.sequentialKey()
        ring = try KeyRing(primary: key)
    }

    func codec(_ compression: SessionCodecConfiguration.Compression, maxDecompressedBytes: Int = 64 * 1024) throws
        -> SessionCodec<[UInt8]>
    {
        try Fixture.bytesCodec(ring: ring, compression: compression, maxDecompressedBytes: maxDecompressedBytes)
    }

    @Test(arguments: Fixture.corpusNames)
    func everyCorpusSampleRoundTripsSmallerThanDeflate(name: String) throws {
        let sample = try Fixture.corpus(name)
        let zstd = try codec(Fixture.zstd(Fixture.dictionary(id: 4)))
        let value = try zstd.seal(sample)
        let opened = try zstd.open(value)
        #expect(opened.session == sample)
        #expect(opened.header.compression == .zstd(dictionaryID: 4))
        #expect(!opened.needsResealing)
        #expect(value.utf8.count < (try codec(Fixture.deflate).seal(sample)).utf8.count, "\(name)")
    }

    @Test func olderDictionaryStillOpensAndAsksForResealing() throws {
        let old = try Fixture.dictionary(id: 1)
        let new = try SessionDictionary(id: 2, bytes: Fixture.corpus("large"))
        let sealedWithOld = try codec(Fixture.zstd(old)).seal(Fixture.corpus("medium"))
        let rotated = try codec(Fixture.zstd(new, older: [old]))
        let opened = try rotated.open(sealedWithOld)
        #expect(opened.session == (try Fixture.corpus("medium")))
        #expect(opened.needsResealing)
        let resealed = try rotated.seal(opened.session)
        #expect(try EnvelopeHeader(sealedValue: resealed).compression == .zstd(dictionaryID: 2))
        #expect(try rotated.open(resealed).needsResealing == false)
        // Once the old dictionary leaves the ring, its values name an unknown dictionary.
        #expect(codecError { try codec(Fixture.zstd(new)).open(sealedWithOld).session } == .unknownDictionaryID(1))
    }

    @Test func deflatedValuesOpenUnderZstdAndMigrate() throws {
        let deflated = try codec(Fixture.deflate).seal(Fixture.corpus("small"))
        let zstd = try codec(Fixture.zstd(Fixture.dictionary()))
        let opened = try zstd.open(deflated)
        #expect(opened.session == (try Fixture.corpus("small")))
        #expect(opened.needsResealing)
        // A stored value (too small to compress) is not churned.
        let stored = try codec(.disabled).seal([1, 2, 3])
        #expect(try zstd.open(stored).needsResealing == false)
    }

    @Test func codecWithoutDictionariesRefusesZstdValuesByID() throws {
        let value = try codec(Fixture.zstd(Fixture.dictionary(id: 9))).seal(Fixture.corpus("small"))
        #expect(codecError { try codec(Fixture.deflate).open(value) } == .unknownDictionaryID(9))
        #expect(codecError { try codec(.disabled).open(value) } == .unknownDictionaryID(9))
    }

    @Test func otherBytesUnderTheSameIDFailAuthentication() throws {
        // Raw-content dictionaries decompress to the declared length whatever the bytes, so a
        // node with edited bytes under the same id would read other values; the dictionary's
        // digest in the authenticated data refuses them instead.
        let original = try Fixture.dictionary(id: 1)
        let value = try codec(Fixture.zstd(original)).seal(Fixture.corpus("medium"))
        var edited = original.bytes
        edited[edited.count / 2] ^= 1
        let impostor = try SessionDictionary(id: 1, bytes: edited)
        #expect(codecError { try codec(Fixture.zstd(impostor)).open(value).session } == .authenticationFailed)
    }

    @Test func incompressibleBodyIsStoredWithoutTheDictionaryByte() throws {
        var generator = SeededGenerator(seed: 0x5EED_0001)
        let random = (0..<200).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let zstd = try codec(Fixture.zstd(Fixture.dictionary()))
        let value = try zstd.seal(random)
        let header = try EnvelopeHeader(sealedValue: value)
        #expect(header.compression == .none)
        #expect(value.utf8.count == Base64URL.encodedLength(of: 7 + 24 + 200 + 16))
        #expect(try zstd.open(value).session == random)
    }

    // MARK: Authentic but malformed frames

    func frame(_ body: [UInt8], dictionary: SessionDictionary) throws -> [UInt8] {
        let zstd = try codec(Fixture.zstd(dictionary))
        return try #require(zstd.compressStage(body))
    }

    @Test func corruptTruncatedOverlongAndTrailingFramesAreInvalidPayloads() throws {
        let dictionary = try Fixture.dictionary(id: 3)
        let zstd = try codec(Fixture.zstd(dictionary))
        let sealer = RawSealer(key: key, codec: zstd)
        let sample = try Fixture.corpus("medium")
        let honest = try frame(sample, dictionary: dictionary)
        let header = sealer.header(.zstd(dictionaryID: 3))
        #expect(try zstd.open(sealer.seal(honest, header: header)).session == sample)

        let prefix = LEB128.encodedCount(of: UInt64(sample.count))
        let frameBytes = Array(honest[prefix...])
        let cases: [(String, [UInt8])] = [
            ("declares one byte more", lengthPrefixed(sample.count + 1, frameBytes)),
            ("declares one byte less", lengthPrefixed(sample.count - 1, frameBytes)),
            ("truncated", lengthPrefixed(sample.count, Array(frameBytes.dropLast()))),
            ("trailing byte", lengthPrefixed(sample.count, frameBytes + [0])),
            // Single_Segment, content size 0, one empty raw last block.
            ("trailing empty frame", lengthPrefixed(sample.count, frameBytes + [0x20, 0x00, 0x01, 0x00, 0x00])),
            ("flipped byte", lengthPrefixed(sample.count, frameBytes.enumerated().map { $0 == 10 ? $1 ^ 0x40 : $1 })),
            ("garbage", lengthPrefixed(sample.count, [UInt8](repeating: 0xA5, count: 40))),
            ("empty frame", lengthPrefixed(sample.count, [])),
            ("zero declared", lengthPrefixed(0, frameBytes)),
        ]
        for (name, payload) in cases {
            #expect(
                codecError { try zstd.open(sealer.seal(payload, header: header)).session } == .invalidPayload, "\(name)"
            )
        }
    }

    @Test func frameThatExpandsPastTheCapIsRefusedOnItsDeclaration() throws {
        let dictionary = try Fixture.dictionary(id: 3)
        let small = try codec(Fixture.zstd(dictionary), maxDecompressedBytes: 1000)
        let sealer = RawSealer(key: key, codec: small)
        let zeros = [UInt8](repeating: 0, count: 1 << 20)
        let bomb = try frame(zeros, dictionary: dictionary)
        let prefix = LEB128.encodedCount(of: UInt64(zeros.count))
        let header = sealer.header(.zstd(dictionaryID: 3))
        #expect(
            codecError { try small.open(sealer.seal(bomb, header: header)).session }
                == .decompressionLimitExceeded(declared: 1 << 20, limit: 1000))
        // Understating the size allocates only what is declared, then fails on the frame.
        let understated = lengthPrefixed(999, Array(bomb[prefix...]))
        #expect(codecError { try small.open(sealer.seal(understated, header: header)).session } == .invalidPayload)
    }

    @Test func frameAskingForAHugeWindowIsRefused() throws {
        // Frames with Single_Segment clear, a window descriptor, and one raw last block of 100
        // bytes: with a 1 KiB window it opens; with a 2^31-byte window it is refused.
        let zstd = try codec(Fixture.zstd(Fixture.dictionary(id: 3)))
        let sealer = RawSealer(key: key, codec: zstd)
        let content = [UInt8](repeating: 0x61, count: 100)
        let rawBlock: [UInt8] = [0x21, 0x03, 0x00] + content  // last | raw | size 100
        let header = sealer.header(.zstd(dictionaryID: 3))
        #expect(
            try zstd.open(sealer.seal(lengthPrefixed(100, [0x00, 0x00] + rawBlock), header: header)).session == content)
        #expect(
            codecError {
                try zstd.open(sealer.seal(lengthPrefixed(100, [0x00, 0xA8] + rawBlock), header: header)).session
            } == .invalidPayload)
    }

    @Test func zstdSharedCodecWorksConcurrently() async throws {
        let zstd = try codec(Fixture.zstd(Fixture.dictionary()))
        let samples = try Fixture.corpusNames.map(Fixture.corpus)
        let failures = await withTaskGroup(of: Int.self) { group in
            for task in 0..<16 {
                group.addTask {
                    (0..<50).reduce(0) { count, round in
                        let sample = samples[(task + round) % samples.count]
                        return count + ((try? zstd.open(zstd.seal(sample)).session) == sample ? 0 : 1)
                    }
                }
            }
            return await group.reduce(0, +)
        }
        #expect(failures == 0)
    }
}
