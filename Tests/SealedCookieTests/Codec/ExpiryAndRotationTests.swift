import Foundation
import Testing

@testable import SealedCookie

@Suite struct ExpiryTests {
    let ring: KeyRing
    let sample: [UInt8] = Array("{\"user\":1}".utf8)

    init() throws {
        ring = try KeyRing(primary: Fixture.sequentialKey())
    }

    func open(_ value: String, at time: TimeInterval, skew: Int = 60) throws -> [UInt8] {
        try Fixture.bytesCodec(ring: ring, skew: .seconds(skew), at: time).open(value).session
    }

    @Test func expiresExactlyAtLifetimePlusSkew() throws {
        let value = try Fixture.bytesCodec(ring: ring, lifetime: .seconds(600)).seal(sample)
        let expiry = Fixture.now + 600
        #expect(try open(value, at: expiry + 59) == sample)
        #expect(codecError { try open(value, at: expiry + 60) } == .expired(at: Date(timeIntervalSince1970: expiry)))
        #expect(try open(value, at: expiry - 1, skew: 0) == sample)
        #expect(
            codecError { try open(value, at: expiry, skew: 0) } == .expired(at: Date(timeIntervalSince1970: expiry)))
    }

    @Test func issuedInTheFutureBeyondSkewIsNotYetValid() throws {
        let value = try Fixture.bytesCodec(ring: ring).seal(sample)
        let issued = Date(timeIntervalSince1970: Fixture.now)
        #expect(try open(value, at: Fixture.now - 60) == sample)
        #expect(codecError { try open(value, at: Fixture.now - 61) } == .notYetValid(issuedAt: issued))
        #expect(try open(value, at: Fixture.now, skew: 0) == sample)
        #expect(codecError { try open(value, at: Fixture.now - 1, skew: 0) } == .notYetValid(issuedAt: issued))
    }

    @Test func clockOutsideTheEnvelopeRangeIsAUsageError() throws {
        let codec = try Fixture.bytesCodec(ring: ring, at: -1)
        #expect(codecError { try codec.seal(sample) } == .clockOutOfRange)
        #expect(SessionCodecError.clockOutOfRange.isUsageError)
        let late = try Fixture.bytesCodec(ring: ring, at: 5_000_000_000)
        #expect(codecError { try late.seal(sample) } == .clockOutOfRange)
    }
}

@Suite struct RotationTests {
    @Test func olderKeyOpensAndAsksForResealingUntilRemoved() throws {
        let old = try SessionKey.generate(id: 1)
        let new = try SessionKey.generate(id: 2)
        let sample: [UInt8] = Array("{\"user\":1}".utf8)
        let sealedByOld = try Fixture.bytesCodec(ring: KeyRing(primary: old)).seal(sample)

        let rotated = try Fixture.bytesCodec(ring: KeyRing(primary: new, older: [old]))
        let opened = try rotated.open(sealedByOld)
        #expect(opened.session == sample)
        #expect(opened.needsResealing)
        #expect(opened.header.keyID == 1)

        let resealed = try rotated.seal(opened.session)
        #expect(try EnvelopeHeader(sealedValue: resealed).keyID == 2)
        #expect(try rotated.open(resealed).needsResealing == false)

        let retired = try Fixture.bytesCodec(ring: KeyRing(primary: new))
        #expect(codecError { try retired.open(sealedByOld).session } == .unknownKeyID(1))
        #expect(try retired.open(resealed).session == sample)
    }
}
