#if PostgreSQL
import Foundation
import Logging
import PostgresNIO
import SealedCookie
import SealedCookiePostgres
import Testing

/// The PostgreSQL setup of the core's Revocation article, verbatim between the lines that run the
/// client (the core's `ReadmeTests` checks that the article shows this code), run against the
/// test server; skipped, with the reason, without one.
@Suite(.enabled(if: TestDatabase.url != nil, TestDatabase.skipReason))
struct RevocationArticleTests {
    struct UserSession: Codable, Sendable { var userID: String }

    @Test func theArticleSetupRevokesEverySessionOfTheUser() async throws {
        let postgresConfiguration = try PostgresURL.configuration(TestDatabase.url ?? "")
        var logger = Logger(label: "revocation-article-test")
        logger.logLevel = .critical
        let cookies = try SessionCookies<UserSession>(
            cookieName: "session", keyRing: KeyRing(primary: SessionKey.generate(id: 1)), rootDomain: "example.com")
        let session = UserSession(userID: "article-\(UInt64.random(in: 0...UInt64.max))")

        // Run the client in your service group.
        let client = PostgresClient(configuration: postgresConfiguration, backgroundLogger: logger)

        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            let startedBefore = Date().addingTimeInterval(-60)

            let store = PostgresSessionRevocationStore(client: client)
            try await store.migrate()  // once, at deployment; or apply store.migrationSQL yourself
            // Staleness 5 s, timeout 250 ms, .refuse:
            let revocation = try SessionRevocationList<UserSession>(store: store) { $0.userID }
            let configuration = try SealedSessionConfiguration(cookies: cookies, revocation: revocation)
            // On logout, password change or "log out everywhere", on any node:
            try await revocation.revokeSessions(of: session.userID)

            let check = try #require(configuration.revocation)
            #expect(try await check.isRevoked(session, startedAt: startedBefore))
            #expect(try await !check.isRevoked(UserSession(userID: "someone else"), startedAt: startedBefore))
        }
    }
}
#endif
