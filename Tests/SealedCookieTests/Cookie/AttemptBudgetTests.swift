import Foundation
import Testing

@testable import SealedCookie

/// Session swapping through the read bounds (issue 18, HIGH): a sibling host plants junk that
/// passes the cheap checks and fails the AEAD (a copy of the attacker's own value with one
/// ciphertext character changed), then the attacker's own valid session, all sent before the
/// victim's `Path=/` cookie. When a bound ends the search before the victim's cookie is tried,
/// the request must have no session, never the attacker's.
@Suite("Attempt budget")
struct AttemptBudgetTests {
    typealias Fixture = SessionCookiesFixture

    /// The `name=value` pairs a browser sends for `session` written by `cookies`.
    static func pairs(_ cookies: SessionCookies<[UInt8]>, _ session: [UInt8]) throws -> [String] {
        try cookies.setCookieHeaders(for: session, requestHost: "example.com", requestCookieHeaders: [])
            .map { String($0.prefix { $0 != ";" }) }
    }

    /// `pair` with the character `fromEnd` places before the end of its value changed to another
    /// base64url character: not the last one, whose unused bits would make the value
    /// non-canonical (a cheap rejection), so the copy reaches the AEAD and fails there.
    static func tampered(_ pair: String, fromEnd: Int = 3) -> String {
        var characters = Array(pair)
        let index = characters.count - 1 - fromEnd
        characters[index] = characters[index] == "A" ? "B" : "A"
        return String(characters)
    }

    static func cookies(maxOpenAttempts: Int = 8, chunked: Bool = false) throws -> SessionCookies<[UInt8]> {
        let configuration = SessionCookiesConfiguration(
            scope: try .rootDomain("example.com"),
            budget: chunked ? CookieBudget(maxNameValueByteCount: 64) : CookieBudget(),
            maxChunkCount: chunked ? 8 : 1, maxOpenAttempts: maxOpenAttempts)
        return try Fixture.cookies(configuration: configuration)
    }

    static func read(_ cookies: SessionCookies<[UInt8]>, _ pairs: [String]) -> Result<[UInt8]?, SessionCookieError> {
        Result { () throws(SessionCookieError) in
            try cookies.session(fromCookieHeaders: [pairs.joined(separator: "; ")])?.session
        }
    }

    static func isConflict(_ result: Result<[UInt8]?, SessionCookieError>) -> Bool {
        if case .failure(.conflictingSessions) = result { true } else { false }
    }

    @Test("maxOpenAttempts 2: one junk copy and the attacker's cookie before the victim's give no session")
    func twoAttempts() throws {
        let cookies = try Self.cookies(maxOpenAttempts: 2)
        let (attacker, victim) = (try Self.pairs(cookies, [6]), try Self.pairs(cookies, [7]))
        let result = Self.read(cookies, [Self.tampered(attacker[0])] + attacker + victim)
        #expect(Self.isConflict(result), "got \(result)")
    }

    @Test("the default 8 attempts: seven junk copies and the attacker's cookie give no session")
    func defaultAttempts() throws {
        let cookies = try Self.cookies()
        let (attacker, victim) = (try Self.pairs(cookies, [6]), try Self.pairs(cookies, [7]))
        let junk = (0..<7).map { Self.tampered(attacker[0], fromEnd: 2 + $0) }
        let result = Self.read(cookies, junk + attacker + victim)
        #expect(Self.isConflict(result), "got \(result)")
        // Without the junk the two sessions meet and conflict as before.
        #expect(Self.isConflict(Self.read(cookies, attacker + victim)))
    }

    @Test("chunked: planted duplicate chunks multiply the candidates that use up the attempts")
    func chunkedDuplicates() throws {
        let cookies = try Self.cookies(chunked: true)
        let attacker = try Self.pairs(cookies, Fixture.bytes(45, seed: 6))
        let victim = try Self.pairs(cookies, Fixture.bytes(45, seed: 7))
        try #require(attacker.count == 3 && victim.count == 3)
        // One bad copy of chunk 1 and two of chunk 2, sent before the attacker's own: with his
        // first cookie the combinations reach the AEAD in this order (the last index turns
        // fastest): six fail, his own opens seventh, and the eighth (his chunk 1 with the
        // victim's chunk 2) uses up the attempts before the victim's first cookie is tried.
        let planted = [
            attacker[0], Self.tampered(attacker[1]), attacker[1],
            Self.tampered(attacker[2]), Self.tampered(attacker[2], fromEnd: 4), attacker[2],
        ]
        let result = Self.read(cookies, planted + victim)
        #expect(Self.isConflict(result), "got \(result)")
    }

    @Test("the visit bound: the attacker's cookie, then cheap junk up to 256 visits, gives no session")
    func visitBound() throws {
        let configuration = SessionCookiesConfiguration(
            scope: try .rootDomain("example.com"), maxCookieHeaderByteCount: 64 * 1024, maxCookieCount: 1024)
        let cookies = try Fixture.cookies(configuration: configuration)
        let (attacker, victim) = (try Self.pairs(cookies, [6]), try Self.pairs(cookies, [7]))
        let junk = (0..<CookieChunks.maxVisits).map { "session=junk\($0)" }
        let result = Self.read(cookies, attacker + junk + victim)
        #expect(Self.isConflict(result), "got \(result)")
    }

    @Test("the visit bound through chunk combinations: the odometer never hides the victim's cookie")
    func visitBoundThroughCombinations() throws {
        let cookies = try Self.cookies(chunked: true)
        let attacker = try Self.pairs(cookies, Fixture.bytes(40, seed: 6))
        let victim = try Self.pairs(cookies, Fixture.bytes(40, seed: 7))
        try #require(attacker.count == 3)
        // 17 pieces for each of chunks 1 and 2, all but the attacker's own cheap junk: 289
        // combinations with the attacker's first cookie, the first of which opens.
        let bomb = (1...2).flatMap { index in
            [attacker[index]] + (0..<16).map { "session.\(index)=junk!\($0)" }
        }
        let result = Self.read(cookies, [attacker[0]] + bomb + victim)
        #expect(Self.isConflict(result), "got \(result)")
    }

    @Test("a bound reached on the last candidate is not a truncation")
    func boundOnLastCandidate() throws {
        let cookies = try Self.cookies(maxOpenAttempts: 2)
        let victim = try Self.pairs(cookies, [7])
        let junk = Self.tampered(victim[0])
        #expect(try Self.read(cookies, [junk] + victim).get() == [7])
        // Candidates the cheap chunk checks reject need no attempt, so they are not left untried.
        let cheap = ["session=x~AAAA", "session=99~AAAA", "session=3~AAAA"]
        #expect(try Self.read(cookies, [junk] + victim + cheap).get() == [7])
        // The same value again needs no attempt either.
        #expect(try Self.read(cookies, [junk] + victim + victim).get() == [7])
        // One more candidate that could open: the victim's session is not trusted alone.
        #expect(Self.isConflict(Self.read(cookies, [junk] + victim + [junk])))
        // With one attempt, a second candidate after the one that opened is a conflict too.
        let single = try Self.cookies(maxOpenAttempts: 1)
        let alone = try Self.pairs(single, [7])
        #expect(try Self.read(single, alone).get() == [7])
        #expect(Self.isConflict(Self.read(single, try Self.pairs(single, [6]) + alone)))
    }

    @Test("nothing opened before the bound: no session, the reason of the first candidate")
    func nothingOpened() throws {
        let cookies = try Self.cookies(maxOpenAttempts: 2)
        let victim = try Self.pairs(cookies, [7])
        let junk = Self.tampered(victim[0])
        #expect(throws: SessionCookieError.unreadable(.authenticationFailed, candidateCount: 2)) {
            try cookies.session(fromCookieHeaders: [[junk, junk, victim[0]].joined(separator: "; ")])
        }
    }
}
