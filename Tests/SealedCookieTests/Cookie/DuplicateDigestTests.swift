import Foundation
import SealedCookieTestSupport
import Testing

@testable import SealedCookie

/// Two cookies that open are told the same or different by the digests of the plaintexts they
/// were read from when the request flow reads them (nothing is serialized to compare), and by
/// serializing both when the public API does: either way, distinct sessions conflict and two
/// seals of one session agree.
@Suite("Duplicate cookies compared by digest")
struct DuplicateDigestTests {
    /// Not `Equatable`: its opened values carry digests.
    struct Account: Codable, Sendable {
        var userID: String
        var visits: Int
        var roles: [String]
    }

    /// The JSON serializer, counting its serializations.
    struct CountingSerializer: SessionSerializer {
        let json = JSONSessionSerializer<Account>()
        let count = Locked(0)

        func serialize(_ session: Account) throws -> [UInt8] {
            count.withLock { $0 += 1 }
            return try json.serialize(session)
        }

        func deserialize(_ bytes: [UInt8]) throws -> Account { try json.deserialize(bytes) }
    }

    static let caseCount = 1500

    static func account(_ random: inout SeededGenerator) -> Account {
        let letters = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        let word = { (random: inout SeededGenerator) in
            String(
                (0..<Int.random(in: 1...12, using: &random)).map { _ in
                    letters[Int.random(in: 0..<letters.count, using: &random)]
                })
        }
        return Account(
            userID: word(&random), visits: Int.random(in: 0...1_000_000, using: &random),
            roles: (0..<Int.random(in: 0...4, using: &random)).map { _ in word(&random) })
    }

    /// `account` with one field changed.
    static func other(than account: Account, _ random: inout SeededGenerator) -> Account {
        var other = account
        switch Int.random(in: 0..<3, using: &random) {
        case 0: other.userID += "x"
        case 1: other.visits += Int.random(in: 1...9, using: &random)
        default: other.roles.append("admin")
        }
        return other
    }

    @Test("distinct duplicates conflict and identical ones agree, over generated sessions")
    func distinctConflictIdenticalAgree() throws {
        var random = SeededGenerator.forTest()
        let serializer = CountingSerializer()
        let codec = try SessionCodec<Account>(
            configuration: .init(cookieName: "session", keyRing: KeyRing(primary: Fixture.sequentialKey())),
            serializer: serializer)
        let cookies = try SessionCookies(codec: codec, configuration: .init(scope: .hostOnly))

        for _ in 0..<Self.caseCount {
            let account = Self.account(&random)
            // Two seals of one session: other nonces, so other values of the same plaintext.
            let first = try codec.seal(account)
            let second = try codec.seal(account)
            let distinct = try codec.seal(Self.other(than: account, &random))
            let same = ["session=\(first); session=\(second)"]
            let conflicting =
                Bool.random(using: &random)
                ? ["session=\(first); session=\(distinct)"] : ["session=\(distinct); session=\(first)"]

            serializer.count.withLock { $0 = 0 }
            let opened = try cookies.session(in: cookies.parseCookieHeaders(same), digesting: true)
            #expect(opened?.session.userID == account.userID)
            #expect(throws: SessionCookieError.conflictingSessions(candidateCount: 2)) {
                try cookies.session(in: cookies.parseCookieHeaders(conflicting), digesting: true)
            }
            #expect(serializer.count.withLock { $0 } == 0, "the flow's read compares digests")

            // The public read keeps no digest and serializes both to compare.
            #expect(try cookies.session(fromCookieHeaders: same)?.session.userID == account.userID)
            #expect(throws: SessionCookieError.conflictingSessions(candidateCount: 2)) {
                try cookies.session(fromCookieHeaders: conflicting)
            }
        }
    }
}
