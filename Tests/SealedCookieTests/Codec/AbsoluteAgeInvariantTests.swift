import Foundation
import SealedCookieTestSupport
import Testing

@testable import SealedCookie

/// The absolute timeout as a property: whatever the schedule of renewals, changes, quiet
/// requests, key rotations and dictionary rotations, a session opens until
/// `maxSessionAge + clockSkew` after its login and is refused from that second on, and every
/// value of it carries the login time exactly.
@Suite struct AbsoluteAgeInvariantTests {
    /// What one generated case configures.
    struct Schedule {
        /// The typical gap between two requests, 1 second to 4 hours.
        let gap: Int64
        let lifetimeMinutes: Int64
        let maxAge: Int64
        let skew: Int64
    }

    /// The rings and compressions a cluster goes through, in rollout order: key 1 and deflate,
    /// then key 2, then zstd with dictionary 1, then dictionary 2. Each opens what the ones
    /// before it sealed.
    static func rollout() throws -> [(KeyRing, SessionCodecConfiguration.Compression)] {
        let (one, two) = (
            try Fixture.sequentialKey(id: 1), try SessionKey(id: 2, bytes: Array(repeating: 9, count: 32))
        )
        let rings = [try KeyRing(primary: one), try KeyRing(primary: two, older: [one])]
        let (first, second) = (try Fixture.dictionary(id: 1), try Fixture.dictionary(id: 2))
        return [
            (rings[0], .default), (rings[1], .default), (rings[1], try Fixture.zstd(first)),
            (rings[1], try Fixture.zstd(second, older: [first])),
        ]
    }

    /// One codec per rollout phase, configured as `schedule` says.
    static func phases(
        _ schedule: Schedule, rollout: [(KeyRing, SessionCodecConfiguration.Compression)], clock: TestClock
    ) throws -> [SessionCodec<[UInt8]>] {
        try rollout.map { ring, compression in
            try SessionCodec(
                configuration: SessionCodecConfiguration(
                    cookieName: "session", keyRing: ring, lifetime: .seconds(schedule.lifetimeMinutes * 60),
                    maxSessionAge: .seconds(schedule.maxAge), clockSkew: .seconds(schedule.skew),
                    compression: compression, clock: clock.source),
                serializer: BytesSerializer())
        }
    }

    static func schedule(using generator: inout SeededGenerator) -> Schedule {
        // Log-uniform gaps, so that seconds and hours are both common.
        let gap = Int64(exp(Double.random(in: 0...log(14_400), using: &generator)).rounded(.down))
        let lifetimeMinutes = 2 * gap / 60 + Int64.random(in: 1...90, using: &generator)
        let maxAge = min(
            Int64(EnvelopeHeader.maxSessionAgeSeconds), max(60, gap * Int64.random(in: 2...40, using: &generator)))
        return Schedule(
            gap: gap, lifetimeMinutes: lifetimeMinutes, maxAge: maxAge,
            skew: Int64.random(in: 0...300, using: &generator))
    }

    @Test func aSessionIsRefusedExactlyAtItsMaximumAgeWhateverTheSchedule() async throws {
        var generator = SeededGenerator.forTest()
        let rollout = try Self.rollout()
        for index in 0..<1500 {
            // Seconds of work: yielding keeps the tests' shared threads free for deadlines.
            await Task.yield()
            let schedule = Self.schedule(using: &generator)
            try check(schedule, rollout: rollout, case: index, using: &generator)
        }
    }

    /// One login, requests until the limit, then the two seconds around it.
    func check(
        _ schedule: Schedule, rollout: [(KeyRing, SessionCodecConfiguration.Compression)], case index: Int,
        using generator: inout SeededGenerator
    ) throws {
        let clock = TestClock()
        clock.advance(by: Double(Int.random(in: 0..<86_400, using: &generator)))
        let codecs = try Self.phases(schedule, rollout: rollout, clock: clock)
        let login = clock.now
        let limit = login.addingTimeInterval(Double(schedule.maxAge + schedule.skew))
        let context = Comment(rawValue: "case \(index): \(schedule), login \(login.timeIntervalSince1970)")
        var (phase, session): (Int, [UInt8]) = (0, [1])
        var value = try codecs[phase].seal(session)
        var lastSeal = login
        let lifetime = Double(schedule.lifetimeMinutes * 60)
        while true {
            let step = Double(Int64.random(in: 1...(2 * schedule.gap), using: &generator))
            guard clock.now.addingTimeInterval(step) < limit else { break }
            clock.advance(by: step)
            if Int.random(in: 0..<10, using: &generator) == 0 { phase = min(phase + 1, codecs.count - 1) }
            let opened: OpenedSession<[UInt8]>
            do {
                opened = try codecs[phase].open(value)
            } catch {
                Issue.record("\(context): refused at \(clock.now.timeIntervalSince1970), before the limit: \(error)")
                return
            }
            guard opened.header.sessionStartedAt == login else {
                Issue.record("\(context): the start moved to \(opened.header.sessionStartedAt.timeIntervalSince1970)")
                return
            }
            // A quiet request re-seals nothing, as long as the value outlives the next gap.
            let isQuiet =
                Bool.random(using: &generator)
                && clock.now.addingTimeInterval(Double(2 * schedule.gap)).timeIntervalSince(lastSeal) < lifetime
            guard !isQuiet else { continue }
            if Bool.random(using: &generator) { session.append(UInt8(truncatingIfNeeded: session.count)) }
            value = try codecs[phase].seal(session, sessionStartedAt: opened.header.sessionStartedAt)
            lastSeal = clock.now
        }
        let codec = codecs[phase]
        clock.advance(by: limit.timeIntervalSince(clock.now) - 1)
        #expect(throws: Never.self, context) { try codec.open(value) }
        clock.advance(by: 1)
        #expect(codecError { try codec.open(value) } == .sessionTooOld(startedAt: login), context)
    }
}
