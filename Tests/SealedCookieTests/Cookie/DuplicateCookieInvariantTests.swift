import Foundation
import SealedCookieTestSupport
import Testing

@testable import SealedCookie

/// The duplicate-cookie invariant (issue 18), over generated plantings: whatever a user who
/// controls a sibling subdomain makes the browser send (junk of every kind, valid sessions of
/// his own account, chunked or not, duplicate chunks, in any order, up to every bound), the
/// reader never hands out a session he could not have had anyway.
@Suite("Duplicate-cookie invariant")
struct DuplicateCookieInvariantTests {
    typealias Fixture = SessionCookiesFixture

    static let caseCount = 4000

    /// The open-attempt budgets read with: every small one, the default 8, and the limit 64.
    static let attemptBudgets = Array(1...9) + [16, 64]

    /// One way sessions are cut into cookies, its sealed sessions and its readers.
    struct Layout {
        let name: String
        let material: CookiePlanting.Material
        let victim: [UInt8]
        /// The session in each of `material.attackerSessions`.
        let attackers: [[UInt8]]
        let readers: [(maxOpenAttempts: Int, cookies: SessionCookies<[UInt8]>)]
    }

    static func configuration(
        maxChunkCount: Int, budget: CookieBudget, maxOpenAttempts: Int = 8, raisedLimits: Bool = false
    ) throws -> SessionCookiesConfiguration {
        SessionCookiesConfiguration(
            scope: try .rootDomain("example.com"), budget: budget, maxChunkCount: maxChunkCount,
            maxCookieHeaderByteCount: raisedLimits ? 64 * 1024 : 16 * 1024, maxCookieCount: raisedLimits ? 1024 : 256,
            maxOpenAttempts: maxOpenAttempts)
    }

    /// The cookies a browser sends for `session` written by `cookies`, renamed to `base` and
    /// `base.k` when `cookies` writes another name.
    static func pairs(_ cookies: SessionCookies<[UInt8]>, _ session: [UInt8], renamedTo base: String? = nil) throws
        -> [String]
    {
        try cookies.setCookieHeaders(for: session, requestHost: "example.com", requestCookieHeaders: [])
            .map { String($0.prefix { $0 != ";" }) }
            .map { pair in base.map { $0 + pair.drop { $0 != "=" && $0 != "." } } ?? pair }
    }

    /// Seals the victim's and the attacker's sessions once, and makes the readers.
    static func layout(
        _ name: String, maxChunkCount: Int, budget: CookieBudget, victimSize: Int, attackerSizes: [Int]
    ) throws -> Layout {
        let ring = try Fixture.keyRing()
        let written = try configuration(maxChunkCount: maxChunkCount, budget: budget)
        let cookies = try Fixture.cookies(keyRing: ring, maxValueLength: 16_384, configuration: written)
        let victim = Fixture.bytes(victimSize, seed: 1000)
        // Each of his sessions sealed twice: two values of one session.
        let attackers = attackerSizes.enumerated().flatMap { index, size in
            [Fixture.bytes(size, seed: 2000 + UInt64(index)), Fixture.bytes(size, seed: 2000 + UInt64(index))]
        }
        let own = Fixture.bytes(20, seed: 3000)
        let day: TimeInterval = 24 * 60 * 60
        let otherPurpose = try SessionCookies(
            codec: SessionCodec(
                configuration: SessionCodecConfiguration(
                    cookieName: "session", keyRing: ring, purpose: "other", compression: .disabled,
                    maxValueLength: 16_384, clock: { Fixture.now }),
                serializer: BytesSerializer()),
            configuration: written)
        let sealedJunk = [
            try pairs(Fixture.cookies(keyRing: ring, configuration: written, clock: { Fixture.now - 3 * day }), own),
            try pairs(Fixture.cookies(keyRing: ring, configuration: written, clock: { Fixture.now + day }), own),
            try pairs(otherPurpose, own),
            try pairs(Fixture.cookies(name: "other", keyRing: ring, configuration: written), own, renamedTo: "session"),
            try pairs(Fixture.cookies(keyRing: Fixture.keyRing(ids: [9]), configuration: written), own),
            try pairs(Fixture.cookies(keyRing: Fixture.keyRing(ids: [1]), configuration: written), own),
        ]
        let material = CookiePlanting.Material(
            base: "session", maxChunkCount: maxChunkCount, victim: try pairs(cookies, victim),
            attackerSessions: try attackers.map { try pairs(cookies, $0) }, sealedJunk: sealedJunk)
        let readers = try attemptBudgets.flatMap { attempts in
            try [false, true].map { raised -> (maxOpenAttempts: Int, cookies: SessionCookies<[UInt8]>) in
                let read = try configuration(
                    maxChunkCount: maxChunkCount, budget: budget, maxOpenAttempts: attempts, raisedLimits: raised)
                return (
                    maxOpenAttempts: attempts, cookies: try SessionCookies(codec: cookies.codec, configuration: read)
                )
            }
        }
        return Layout(name: name, material: material, victim: victim, attackers: attackers, readers: readers)
    }

    static func layouts() throws -> [Layout] {
        [
            try layout(
                "unchunked", maxChunkCount: 1, budget: CookieBudget(), victimSize: 40, attackerSizes: [1, 40, 200]),
            try layout(
                "chunked", maxChunkCount: 6, budget: CookieBudget(maxNameValueByteCount: 48), victimSize: 30,
                attackerSizes: [1, 20, 60]),
            try layout(
                "mixed", maxChunkCount: 4, budget: CookieBudget(maxNameValueByteCount: 120), victimSize: 150,
                attackerSizes: [1, 100, 200]),
        ]
    }

    /// How the cases came out, printed so that a generator that stopped reaching the
    /// interesting cases shows.
    struct Tally: CustomStringConvertible {
        var victimAmongPlanted = 0
        var noSessionWithVictim = 0
        var attackerAlone = 0
        var noSessionWithoutVictim = 0
        var conflicts = 0

        var description: String {
            "victim's session among planted cookies \(victimAmongPlanted), none with the victim's cookie \(noSessionWithVictim) (conflicts \(conflicts) in all), attacker's own without it \(attackerAlone), none without it \(noSessionWithoutVictim)"
        }
    }

    @Test("plantings never swap the session: the victim's or none with his cookie, never his without it")
    func plantingsNeverSwap() throws {
        var generator = SeededGenerator.forTest()
        let layouts = try Self.layouts()
        // Unchunked, all chunked, and a mix (the attacker's smallest session fits in one cookie).
        try #require(layouts[0].material.victim.count == 1)
        try #require(
            layouts[1].material.victim.count > 1 && layouts[1].material.attackerSessions.allSatisfy { $0.count > 1 })
        try #require(layouts[2].material.victim.count > 1 && layouts[2].material.attackerSessions[0].count == 1)
        var tally = Tally()
        var failures = 0
        for index in 0..<Self.caseCount {
            let layout = layouts[index % layouts.count]
            let reader = layout.readers[Int.random(in: 0..<layout.readers.count, using: &generator)]
            let planting = CookiePlanting.random(
                from: layout.material, maxOpenAttempts: reader.maxOpenAttempts, using: &generator)
            let outcome = Result { () throws(SessionCookieError) in
                try reader.cookies.session(fromCookieHeaders: [planting.header])?.session
            }
            if case .failure(.conflictingSessions) = outcome { tally.conflicts += 1 }
            let session = (try? outcome.get()) ?? nil
            let isAllowed: Bool
            if planting.containsVictim {
                isAllowed = session == nil || session == layout.victim
                if session == nil {
                    tally.noSessionWithVictim += 1
                } else if !planting.isVictimAlone {
                    tally.victimAmongPlanted += 1
                }
                if planting.isVictimAlone && session != layout.victim {
                    Issue.record("case \(index): the victim's cookies alone did not open: \(outcome)")
                }
            } else {
                let planted = planting.plantedAttackerSessions.map { layout.attackers[$0] }
                isAllowed = session == nil || planted.contains { $0 == session }
                if session == nil { tally.noSessionWithoutVictim += 1 } else { tally.attackerAlone += 1 }
            }
            if !isAllowed {
                failures += 1
                let names = planting.cookies.map { $0.prefix { $0 != "=" } + "(\($0.count))" }
                Issue.record(
                    "case \(index) (\(layout.name), maxOpenAttempts \(reader.maxOpenAttempts), victim's cookie \(planting.containsVictim ? "sent" : "not sent")): a session of \(session?.count ?? 0) bytes that is not allowed; cookies sent: \(names.joined(separator: " "))"
                )
                if failures >= 5 { break }
            }
        }
        print("Duplicate-cookie invariant, \(Self.caseCount) cases: \(tally)")
        #expect(tally.victimAmongPlanted > 0 && tally.conflicts > 0 && tally.attackerAlone > 0)
    }
}
