#if Vapor
import Foundation
import SealedCookie
import SealedCookieTestSupport
import SealedCookieVapor
import Testing
import Vapor
import VaporTesting

/// A sibling subdomain plants its own valid `vapor-session` cookie (`Domain=` the root) next to
/// the victim's host-only one. Browsers send both, the later-created one (the planted one,
/// usually) after the other when their Paths are as long; Vapor's cookie parser keeps only the
/// last of a name, so the driver has to read them all.
@Suite struct SessionDriverCookieTossingTests {
    /// The victim's (erin) and the attacker's (mallory, a user of the same application) sealed
    /// values, each from a login through the app.
    private func logins(_ app: any TestingApplicationTester) async throws -> (victim: String, attacker: String) {
        let victim = DriverTestApp.value(try await app.sendRequest(.POST, "/login?user=erin"))
        let attacker = DriverTestApp.value(try await app.sendRequest(.POST, "/login?user=mallory"))
        return (victim, attacker)
    }

    @Test func anAttackersSessionSentAfterTheVictimsIsNoSession() async throws {
        let logs = LogRecorder()
        let codec = try DriverTestApp.codec(VaporTestNode.ring(1), clock: TestClock())
        try await DriverTestApp.run(codec, logs: logs) { app in
            let (victim, attacker) = try await logins(app)
            let me = try await app.sendRequest(
                .GET, "/me", headers: ["Cookie": "vapor-session=\(victim); vapor-session=\(attacker)"])
            #expect(String(buffer: me.body) == "nobody")
            // Vapor starts a new, empty session in place of the two.
            #expect(try codec.open(DriverTestApp.value(me)).session.snapshot.isEmpty)
        }
        #expect(logs.entries(at: .warning, containing: "opened to different sessions").count == 1)
    }

    @Test func anAttackersSessionSentBeforeTheVictimsIsNoSession() async throws {
        let logs = LogRecorder()
        try await DriverTestApp.run(try DriverTestApp.codec(VaporTestNode.ring(1), clock: TestClock()), logs: logs) {
            app in
            let (victim, attacker) = try await logins(app)
            let user = try await DriverTestApp.user(
                app, cookieFields: ["vapor-session=\(attacker); vapor-session=\(victim)"])
            #expect(user == "nobody")
        }
        #expect(logs.entries(at: .warning, containing: "opened to different sessions").count == 1)
    }

    /// HTTP/2 may split the cookies over several `Cookie` fields; all of them are read.
    @Test func anAttackersSessionInASecondCookieFieldIsNoSession() async throws {
        try await DriverTestApp.run(
            try DriverTestApp.codec(VaporTestNode.ring(1), clock: TestClock()), logs: LogRecorder()
        ) { app in
            let (victim, attacker) = try await logins(app)
            let user = try await DriverTestApp.user(
                app, cookieFields: ["vapor-session=\(victim)", "other=1; vapor-session=\(attacker)"])
            #expect(user == "nobody")
        }
    }

    /// Junk next to the victim's cookie, in either order, does not cost the victim the session;
    /// the junk's reason is not logged above debug level.
    @Test func junkNextToTheVictimsCookieLeavesTheVictimsSession() async throws {
        let logs = LogRecorder()
        try await DriverTestApp.run(try DriverTestApp.codec(VaporTestNode.ring(1), clock: TestClock()), logs: logs) {
            app in
            let (victim, attacker) = try await logins(app)
            let tampered = Self.tampered(attacker, at: attacker.utf8.count - 5)
            for junk in ["junk", tampered, ""] {
                #expect(
                    try await DriverTestApp.user(app, cookieFields: ["vapor-session=\(victim); vapor-session=\(junk)"])
                        == "erin")
                #expect(
                    try await DriverTestApp.user(app, cookieFields: ["vapor-session=\(junk); vapor-session=\(victim)"])
                        == "erin")
            }
            #expect(try await DriverTestApp.user(app, cookieFields: ["vapor-session=\(tampered)"]) == "nobody")
        }
        #expect(logs.all.filter { $0.level >= .notice }.isEmpty)
        #expect(logs.entries(at: .debug, containing: "Sealed session rejected").count == 1)
    }

    /// The same session twice (the victim's cookie set once per Path, or a re-sealed copy) is
    /// one session, not a conflict.
    @Test func theVictimsSessionTwiceIsTheVictimsSession() async throws {
        let clock = TestClock()
        try await DriverTestApp.run(try DriverTestApp.codec(VaporTestNode.ring(1), clock: clock), logs: LogRecorder()) {
            app in
            let login = try await app.sendRequest(.POST, "/login?user=erin")
            clock.advance(by: 60)
            let resealed = try await app.sendRequest(
                .GET, "/me", headers: ["Cookie": DriverTestApp.cookie(login)])
            let (first, second) = (DriverTestApp.value(login), DriverTestApp.value(resealed))
            #expect(first != second)
            #expect(
                try await DriverTestApp.user(app, cookieFields: ["vapor-session=\(first); vapor-session=\(first)"])
                    == "erin")
            #expect(
                try await DriverTestApp.user(app, cookieFields: ["vapor-session=\(first); vapor-session=\(second)"])
                    == "erin")
        }
    }

    /// Request input triggers the warning, so it is rate-limited: once a minute, then debug.
    @Test func conflictWarningsAreRateLimited() async throws {
        let logs = LogRecorder()
        let clock = TestClock()
        try await DriverTestApp.run(try DriverTestApp.codec(VaporTestNode.ring(1), clock: clock), logs: logs) { app in
            let (victim, attacker) = try await logins(app)
            let field = "vapor-session=\(victim); vapor-session=\(attacker)"
            for _ in 0..<3 { #expect(try await DriverTestApp.user(app, cookieFields: [field]) == "nobody") }
            clock.advance(by: 61)
            #expect(try await DriverTestApp.user(app, cookieFields: [field]) == "nobody")
        }
        #expect(logs.entries(at: .warning, containing: "opened to different sessions").count == 2)
        #expect(logs.entries(at: .debug, containing: "opened to different sessions").count == 2)
    }

    /// One planted cookie of the invariant test.
    private enum Planting: CaseIterable {
        /// The attacker's own valid session, as sealed at login, quoted, or sealed again later.
        case attacker, quotedAttacker, resealedAttacker
        /// A second account of the attacker's.
        case otherAccount
        /// Junk: the attacker's value with one character changed (valid header, bad tag), random
        /// base64url text, the victim's value cut short, an expired session, another purpose's
        /// session, an empty value.
        case tampered, random, truncatedVictim, expired, otherPurpose, empty

        /// Whether the value opens, and as whom.
        var user: String? {
            switch self {
            case .attacker, .quotedAttacker, .resealedAttacker: "mallory"
            case .otherAccount: "trudy"
            case .tampered, .random, .truncatedVictim, .expired, .otherPurpose, .empty: nil
            }
        }
    }

    /// Invariant, over seeded plantings of up to seven cookies of every kind in any order, with
    /// and without the victim's cookie among them (eight candidates at most, within the default
    /// attempt budget): the handler sees the victim's session only when nothing else opens,
    /// no session when another session opens too, and never the attacker's while the victim's
    /// cookie is sent. Without it, the attacker's own session at most.
    @Test func noPlantingGivesTheAttackersSessionWhileTheVictimsCookieIsSent() async throws {
        let clock = TestClock()
        let ring = try VaporTestNode.ring(1)
        let codec = try DriverTestApp.codec(ring, clock: clock)
        let past = TestClock()
        past.advance(by: -3 * 86_400)
        let expired = try SessionCodec<SessionData>(
            configuration: .init(cookieName: "vapor-session", keyRing: ring, clock: past.source)
        ).seal(["user": "mallory"])
        let otherPurpose = try SessionCodec<SessionData>(
            configuration: .init(cookieName: "vapor-session", keyRing: ring, purpose: "csrf", clock: clock.source)
        ).seal(["user": "mallory"])
        var generator = SeededGenerator.forTest()
        let logs = LogRecorder()
        try await DriverTestApp.run(codec, logs: logs) { app in
            let (victim, attacker) = try await logins(app)
            let other = DriverTestApp.value(try await app.sendRequest(.POST, "/login?user=trudy"))
            clock.advance(by: 60)
            let resealed = DriverTestApp.value(
                try await app.sendRequest(.GET, "/me", headers: ["Cookie": "vapor-session=\(attacker)"]))
            for _ in 0..<2000 {
                let plantings = (0..<Int.random(in: 0...7, using: &generator)).map { _ in
                    Planting.allCases.randomElement(using: &generator) ?? .empty
                }
                var values = plantings.map { planting in
                    switch planting {
                    case .attacker: attacker
                    case .quotedAttacker: "\"\(attacker)\""
                    case .resealedAttacker: resealed
                    case .otherAccount: other
                    case .tampered:
                        Self.tampered(attacker, at: Int.random(in: 0..<attacker.utf8.count - 1, using: &generator))
                    case .random: Self.randomText(length: Int.random(in: 1...300, using: &generator), using: &generator)
                    case .truncatedVictim: String(victim.prefix(Int.random(in: 1..<victim.count, using: &generator)))
                    case .expired: expired
                    case .otherPurpose: otherPurpose
                    case .empty: ""
                    }
                }
                let isVictimSent = Int.random(in: 0..<4, using: &generator) != 0
                if isVictimSent { values.insert(victim, at: Int.random(in: 0...values.count, using: &generator)) }
                // Split over one or two `Cookie` fields, as HTTP/1.1 and HTTP/2 clients send them.
                let pairs = values.map { "vapor-session=\($0)" }
                let cut = Int.random(in: 0...pairs.count, using: &generator)
                let fields = [pairs[..<cut], pairs[cut...]].map { $0.joined(separator: "; ") }.filter { !$0.isEmpty }

                let openers = Set(plantings.compactMap(\.user) + (isVictimSent ? ["erin"] : []))
                let expected = openers.count == 1 ? openers.first ?? "nobody" : "nobody"
                let user = try await DriverTestApp.user(app, cookieFields: fields)
                #expect(user == expected, "plantings \(plantings), victim sent: \(isVictimSent)")
                if isVictimSent { #expect(user == "erin" || user == "nobody") }
            }
        }
    }

    /// `value` with the base64url character at `offset` replaced by another one (not the last
    /// character, whose low bits may be padding that decodes the same).
    private static func tampered(_ value: String, at offset: Int) -> String {
        var bytes = Array(value.utf8)
        bytes[offset] = bytes[offset] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func randomText(length: Int, using generator: inout SeededGenerator) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        return String((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }
}
#endif
