#if PostgreSQL
import Foundation
import PostgresNIO
import SealedCookiePostgres
import Testing

/// What needs no server: the table name's check, the documented migration, the test URLs.
@Suite struct PostgresTableNameTests {
    @Test(arguments: ["sealed_cookie_revocations", "auth.revocations", "_r2", String(repeating: "a", count: 63)])
    func plainIdentifiersAreAccepted(name: String) throws {
        #expect(try PostgresTableName(name).description == name)
    }

    @Test(arguments: [
        "", "Revocations", "1st", "a.b.c", ".a", "a.", "r-1", "r 1", "\"r\"", "r;DROP TABLE users", "é",
        String(repeating: "a", count: 64),
    ])
    func anythingElseIsRefused(name: String) {
        #expect(throws: PostgresTableNameError.notAnIdentifier(name)) { try PostgresTableName(name) }
    }

    @Test func theMigrationInTheDocumentationIsTheOneThatRuns() throws {
        let catalog = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/SealedCookiePostgres/Docs.docc/SealedCookiePostgres.md")
        let text = try String(contentsOf: catalog, encoding: .utf8)
        // Never run: the client only carries the configuration.
        let client = PostgresClient(
            configuration: .init(host: "127.0.0.1", username: "postgres", password: nil, database: nil, tls: .disable),
            backgroundLogger: .init(label: "unused"))
        #expect(text.contains(PostgresSessionRevocationStore(client: client).migrationSQL))
    }

    @Test func theScriptsURLsAreRead() throws {
        let configuration = try PostgresURL.configuration("postgres://postgres@127.0.0.1:54321/sealed_cookie_test")
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.port == 54321)
        #expect(configuration.username == "postgres")
        #expect(configuration.database == "sealed_cookie_test")
        #expect(throws: PostgresURL.Invalid.self) { try PostgresURL.configuration("http://x@y/z") }
        #expect(throws: PostgresURL.Invalid.self) { try PostgresURL.configuration("postgres://127.0.0.1/db") }
    }
}
#endif
