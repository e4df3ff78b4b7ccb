import Foundation
import SealedCookieTestSupport
import Testing

@testable import SealedCookie

/// Crafted payloads need the key, so these tests seal them through the internal primitives.
@Suite struct DecompressionLimitTests {
    let key: SessionKey
    let codec: SessionCodec<[UInt8]>

    init() throws {
        key = try Fixture.sequentialKey()
        codec = try Fixture.bytesCodec(ring: KeyRing(primary: key), maxDecompressedBytes: 64 * 1024)
    }

    /// Seals `payload` as-is under `codec`'s name and purpose with the given flags.
    func sealRaw(_ payload: [UInt8], compressed: Bool = true, padded: Bool = false) -> String {
        let sealer = RawSealer(key: key, codec: codec)
        return sealer.seal(payload, header: sealer.header(compressed ? .deflate : .none, padded: padded))
    }

    /// Raw deflate of `count` zero bytes.
    func deflatedZeros(_ count: Int) throws -> [UInt8] {
        let zeros = [UInt8](repeating: 0, count: count)
        var output: [UInt8] = []
        let deflater = try #require(Deflater(level: 9, memoryLevel: 8))
        let done = zeros.withUnsafeBytes { deflater.deflate($0, appendingTo: &output, limit: count) }
        #expect(done)
        return output
    }

    @Test func craftedValueOpensWhenHonest() throws {
        #expect(
            try codec.open(sealRaw(lengthPrefixed(1000, deflatedZeros(1000)))).session
                == [UInt8](repeating: 0, count: 1000))
    }

    @Test func declaredSizeOverTheCapIsRefusedBeforeInflating() throws {
        // A bomb of 4 MiB of zeros that also declares its size: refused on the declaration.
        let bomb = try deflatedZeros(4 << 20)
        let value = sealRaw(lengthPrefixed(4 << 20, bomb))
        #expect(value.utf8.count < 8192)
        #expect(
            codecError { try codec.open(value).session }
                == .decompressionLimitExceeded(declared: 4 << 20, limit: 64 * 1024))
        #expect(
            codecError { try codec.open(sealRaw(lengthPrefixed(64 * 1024 + 1, bomb))).session }
                == .decompressionLimitExceeded(declared: 64 * 1024 + 1, limit: 64 * 1024))
    }

    @Test func bombThatUnderstatesItsSizeStopsAtTheDeclaredSize() throws {
        // Declares 100 bytes (so only 100 are allocated) but inflates to 4 MiB: the data does
        // not match what it declares, which is an invalid payload, not a limit.
        let value = sealRaw(lengthPrefixed(100, try deflatedZeros(4 << 20)))
        #expect(codecError { try codec.open(value).session } == .invalidPayload)
    }

    @Test func zeroOrFiveByteDeclaredLengthsAreInvalidPayloads() throws {
        #expect(codecError { try codec.open(sealRaw(lengthPrefixed(0, [0x03, 0x00]))).session } == .invalidPayload)
        #expect(
            codecError { try codec.open(sealRaw([0x80, 0x80, 0x80, 0x80, 0x01] + deflatedZeros(10))).session }
                == .invalidPayload)
    }

    @Test func shortOrCorruptStreamsAreInvalidPayloads() throws {
        let stream = try deflatedZeros(1000)
        #expect(codecError { try codec.open(sealRaw(lengthPrefixed(1001, stream))).session } == .invalidPayload)
        #expect(
            codecError { try codec.open(sealRaw(lengthPrefixed(1000, Array(stream.dropLast())))).session }
                == .invalidPayload)
        #expect(codecError { try codec.open(sealRaw(lengthPrefixed(1000, stream + [0]))).session } == .invalidPayload)
        #expect(
            codecError { try codec.open(sealRaw(lengthPrefixed(10, [0xFF, 0xFF, 0xFF]))).session } == .invalidPayload)
        #expect(codecError { try codec.open(sealRaw([0x80, 0x80, 0x80, 0x80, 0x01])).session } == .invalidPayload)
        #expect(codecError { try codec.open(sealRaw([0x80, 0x00])).session } == .invalidPayload)
    }

    @Test func badPaddingIsAnInvalidPayload() throws {
        #expect(
            codecError { try codec.open(sealRaw([1, 2, 3, 0, 0], compressed: false, padded: true)).session }
                == .invalidPayload)
        #expect(try codec.open(sealRaw([1, 2, 3, 0x80, 0], compressed: false, padded: true)).session == [1, 2, 3])
    }

    @Test func sessionLargerThanTheCapCannotBeSealed() throws {
        let small = try Fixture.bytesCodec(ring: KeyRing(primary: key), maxDecompressedBytes: 100)
        #expect(try small.open(small.seal(Array(repeating: 1, count: 100))).session.count == 100)
        #expect(
            codecError { try small.seal(Array(repeating: 1, count: 101)) } == .sessionTooLarge(size: 101, limit: 100))
    }

    @Test func sealedValueOverTheLengthLimitCannotBeSealed() throws {
        var generator = SeededGenerator(seed: 0x5EED_0002)  // Fixed: the expected length depends on the bytes.
        let random = (0..<7000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        #expect(codecError { try codec.seal(random) } == .sealedValueTooLarge(length: 9396, limit: 8192))
    }
}
