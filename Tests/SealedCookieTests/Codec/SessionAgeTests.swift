import Foundation
import Testing

@testable import SealedCookie

/// The absolute session age: a start carried across renewals, refused past the maximum.
@Suite struct SessionAgeTests {
    let ring: KeyRing

    init() throws {
        ring = try KeyRing(primary: Fixture.sequentialKey())
    }

    func codec(at time: TimeInterval, maxAge: Duration? = .seconds(8 * 3600)) throws -> SessionCodec<[UInt8]> {
        try Fixture.bytesCodec(ring: ring, maxSessionAge: maxAge, lifetime: .seconds(3600), at: time)
    }

    @Test func newSessionCarriesNoStartAndStartsAtIssue() throws {
        let value = try codec(at: Fixture.now).seal([1])
        let header = try EnvelopeHeader(sealedValue: value)
        #expect(header.sessionAgeSeconds == 0)
        #expect(header.sessionStartedAt == header.issuedAt)
        // Same size as without a maximum age: the start costs nothing until it differs.
        #expect(value.utf8.count == (try codec(at: Fixture.now, maxAge: nil).seal([1])).utf8.count)
    }

    @Test func renewalsKeepTheStartAndTheLimitHoldsToTheSecond() throws {
        var value = try codec(at: Fixture.now).seal([1])
        // Renew every 50 minutes, as sliding renewal would.
        var time = Fixture.now
        for _ in 0..<9 {
            time += 50 * 60
            let renewing = try codec(at: time)
            let opened = try renewing.open(value)
            #expect(opened.header.sessionStartedAt == Date(timeIntervalSince1970: Fixture.now))
            value = try renewing.seal(opened.session, sessionStartedAt: opened.header.sessionStartedAt)
        }
        // Started at `now`; 8 hours and the 60-second skew later it is refused, a second
        // before it is not.
        let limit = Fixture.now + 8 * 3600 + 60
        #expect(try codec(at: limit - 1).open(value).session == [1])
        #expect(
            codecError { try codec(at: limit).open(value) }
                == .sessionTooOld(startedAt: Date(timeIntervalSince1970: Fixture.now)))
    }

    @Test func withoutAMaximumAgeTheStartIsCarriedButNotChecked() throws {
        // Revocation counts from the start too, so every value carries it, maximum age or not.
        let old = Date(timeIntervalSince1970: Fixture.now - 30 * 86400)
        let value = try codec(at: Fixture.now, maxAge: nil).seal([1], sessionStartedAt: old)
        #expect(try EnvelopeHeader(sealedValue: value).sessionStartedAt == old)
        #expect(try codec(at: Fixture.now + 3000, maxAge: nil).open(value).session == [1])
    }

    @Test func startInTheFutureCountsAsNowAndAncientStartsAreCapped() throws {
        let ahead = try codec(at: Fixture.now).seal(
            [1], sessionStartedAt: Date(timeIntervalSince1970: Fixture.now + 30))
        #expect(try EnvelopeHeader(sealedValue: ahead).sessionAgeSeconds == 0)
        let ancient = try codec(at: Fixture.now).seal([1], sessionStartedAt: Date(timeIntervalSince1970: 0))
        #expect(try EnvelopeHeader(sealedValue: ancient).sessionAgeSeconds == EnvelopeHeader.maxSessionAgeSeconds)
        #expect(codecError { try codec(at: Fixture.now).open(ancient) } != nil)
    }

    /// The review's reproduction: under the old format, re-sealing sooner than a minute after the
    /// last restarted the clock (ages under 60 s were written as "no start"), and every re-seal
    /// lost up to 59 s (ages rounded down to minutes).
    @Test(arguments: [1, 30, 59, 90, 119, 3599])
    func frequentResealsNeverMoveTheStart(intervalSeconds: Int) throws {
        var value = try codec(at: Fixture.now).seal([1])
        let limit = Fixture.now + 8 * 3600 + 60
        var time = Fixture.now
        while time + TimeInterval(intervalSeconds) < limit {
            time += TimeInterval(intervalSeconds)
            let renewing = try codec(at: time)
            let opened = try renewing.open(value)
            value = try renewing.seal(opened.session, sessionStartedAt: opened.header.sessionStartedAt)
        }
        #expect(try codec(at: limit - 1).open(value).session == [1])
        #expect(
            codecError { try codec(at: limit).open(value) }
                == .sessionTooOld(startedAt: Date(timeIntervalSince1970: Fixture.now)))
    }

    @Test func aFractionalStartCountsFromItsWholeSecond() throws {
        let start = Date(timeIntervalSince1970: Fixture.now - 100.9)
        let value = try codec(at: Fixture.now).seal([1], sessionStartedAt: start)
        #expect(try EnvelopeHeader(sealedValue: value).sessionAgeSeconds == 101)
    }

    @Test func startOlderThanTheMaximumIsRefusedBeforeDecryption() throws {
        let codec = try codec(at: Fixture.now)
        let sealer = RawSealer(key: ring.primary, codec: codec)
        // Nine hours old, and garbage behind the header: the age check comes first.
        let value = sealer.seal([0xFF], header: sealer.header(.none, ageSeconds: 9 * 3600))
        #expect(
            codecError { try codec.open(value).session }
                == .sessionTooOld(startedAt: Date(timeIntervalSince1970: Fixture.now - 9 * 3600)))
    }
}
