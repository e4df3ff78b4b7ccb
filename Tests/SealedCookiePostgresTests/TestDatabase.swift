#if PostgreSQL
import Foundation
import Logging
import PostgresNIO
import SealedCookiePostgres
import Testing

/// The PostgreSQL server scripts/postgres starts (scripts/test starts it before `swift test`).
enum TestDatabase {
    static let urlVariable = "SEALED_COOKIE_TEST_POSTGRES_URL"
    static let url = ProcessInfo.processInfo.environment[urlVariable]
    static let skipReason: Comment =
        "\(urlVariable) is not set: run under scripts/postgres (scripts/test does) to test against a real PostgreSQL"

    /// A table of its own for each test, so that tests run in parallel.
    static func freshTable() throws -> PostgresTableName {
        try PostgresTableName("revocations_test_\(UInt64.random(in: 0...UInt64.max))")
    }

    /// Runs `body` with a running client for the test server (or for `configuration`), like one
    /// node of a cluster; the client stops when `body` returns.
    static func withClient<Result: Sendable>(
        _ configuration: PostgresClient.Configuration? = nil, _ body: @Sendable (PostgresClient) async throws -> Result
    ) async throws -> Result {
        let configuration = try configuration ?? PostgresURL.configuration(url ?? "")
        var logger = Logger(label: "postgres-test")
        logger.logLevel = .critical  // the unreachable-server test would log every connection attempt
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            return try await body(client)
        }
    }
}
#endif
