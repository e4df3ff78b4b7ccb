import Foundation
import Logging
import SealedCookieTestSupport
import Testing

@testable import SealedCookie

/// The request flow serializes a session once per request at most: the loaded session's digest
/// comes from the plaintext `open` held, and the bytes compared are the bytes sealed, for a
/// cookie as for a token.
@Suite("Request flow serializations")
struct SessionRequestFlowTests {
    /// Changes are told by bytes: not `Equatable`.
    struct Account: Codable, Sendable {
        var userID: String
        var visits = 0
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

    static func flow(_ serializer: CountingSerializer) throws -> SessionRequestFlow<Account> {
        let codec = try SessionCodec<Account>(
            configuration: .init(cookieName: "session", keyRing: KeyRing(primary: Fixture.sequentialKey())),
            serializer: serializer)
        let cookies = try SessionCookies(codec: codec, configuration: .init(scope: .hostOnly))
        return SessionRequestFlow(
            configuration: try SealedSessionConfiguration(cookies: cookies, tokenMode: SessionTokenMode()))
    }

    @Test("opening serializes nothing; a changed session is serialized once, to compare and to seal")
    func oneSerializationPerRequest() throws {
        let logs = LogRecorder()
        let serializer = CountingSerializer()
        let flow = try Self.flow(serializer)
        let account = Account(userID: "u1")
        let token = try flow.configuration.tokenCodec.seal(account)
        let cookie = try flow.configuration.codec.seal(account)
        var changed = account
        changed.visits = 1

        for (cookieFields, authorizationFields) in [([], ["Bearer \(token)"]), (["session=\(cookie)"], [])] {
            serializer.count.withLock { $0 = 0 }
            let visit = flow.open(
                cookieFields: cookieFields, authorizationFields: authorizationFields, asksForToken: false,
                host: "example.com", logger: logs.logger)
            #expect(visit.loaded?.digest != nil)
            #expect(
                serializer.count.withLock { $0 } == 0, "opening \(authorizationFields.isEmpty ? "a cookie" : "a token")"
            )

            let unchanged = try flow.write(
                after: visit, session: account, expiresIn: visit.loaded?.lifetime, logger: logs.logger)
            #expect(unchanged == .none)
            serializer.count.withLock { $0 = 0 }
            let write = try flow.write(
                after: visit, session: changed, expiresIn: visit.loaded?.lifetime, logger: logs.logger)
            #expect(serializer.count.withLock { $0 } == 1, "writing \(write)")
            switch write {
            case .token(let field, let value):
                #expect(field == "Session-Token")
                #expect(try flow.configuration.tokenCodec.open(value).session.visits == 1)
            case .setCookies(let values):
                let value = try #require(values.first?.split(separator: ";").first?.dropFirst("session=".count))
                #expect(try flow.configuration.codec.open(String(value)).session.visits == 1)
            default:
                Issue.record("unexpected write \(write)")
            }
        }
    }

    @Test("an Equatable session keeps no digest: == tells")
    func equatableSessionsKeepNoDigest() throws {
        struct Plain: Codable, Sendable, Equatable { var userID: String }
        let codec = try SessionCodec<Plain>(
            configuration: .init(cookieName: "session", keyRing: KeyRing(primary: Fixture.sequentialKey())))
        #expect(try codec.open(codec.seal(Plain(userID: "u1")), digesting: true).digest == nil)
    }
}
