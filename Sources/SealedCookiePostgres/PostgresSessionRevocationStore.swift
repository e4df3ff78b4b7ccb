#if PostgreSQL
public import Foundation
public import PostgresNIO
public import SealedCookie

/// A `SessionRevocationStore` in a PostgreSQL table, for every node of a cluster to
/// share: one row per revoked subject, holding the time up to which its sessions are revoked
/// (sessions that started, logged in, at or before it, however often they were renewed).
///
/// Put a `SessionRevocationList` in front of it: the list caches answers for its
/// staleness window, bounds each lookup by its timeout, and applies its policy when the database
/// is down. The store itself adds no caching and no retries.
///
/// The table is created by ``migrate()``, never implicitly: run it at deployment, or apply
/// ``migrationSQL`` yourself.
public struct PostgresSessionRevocationStore: SessionRevocationStore {
    /// The client the application owns and runs (`client.run()` in its service group or task).
    public let client: PostgresClient
    /// The revocation table.
    public let table: PostgresTableName

    /// Makes a store over `client`; no query is sent.
    ///
    /// - Parameters:
    ///   - client: A client the application runs for as long as the store is used.
    ///   - table: The table's name. Default ``PostgresTableName/default``.
    public init(client: PostgresClient, table: PostgresTableName = .default) {
        self.client = client
        self.table = table
    }

    /// The SQL ``migrate()`` runs: it creates the table if it does not exist, so running it again
    /// changes nothing.
    public var migrationSQL: String {
        """
        CREATE TABLE IF NOT EXISTS \(table) (
            subject text PRIMARY KEY,
            revoked_up_to timestamptz NOT NULL
        )
        """
    }

    /// Creates the table if it does not exist (``migrationSQL``). Idempotent.
    ///
    /// - Throws: The client's `PSQLError`.
    public func migrate() async throws {
        try await client.query(PostgresQuery(unsafeSQL: migrationSQL))
    }

    /// The time up to which the sessions of `subject` are revoked, nil when never revoked. One
    /// primary-key lookup.
    ///
    /// - Throws: The client's `PSQLError`, for example when the table does not exist.
    public func revocationCutoff(for subject: String) async throws -> Date? {
        let rows = try await client.query(
            "SELECT revoked_up_to FROM \(unescaped: table.description) WHERE subject = \(subject)")
        for try await cutoff in rows.decode(Date.self) {
            return cutoff
        }
        return nil
    }

    /// Revokes every session of `subject` that started (logged in) at or before `date`, renewed
    /// or not: one upsert that keeps the later of the stored and the new time, so concurrent
    /// revocations from several nodes never move a cutoff back.
    ///
    /// - Throws: The client's `PSQLError`; nothing was revoked.
    public func revokeSessions(of subject: String, startedUpTo date: Date) async throws {
        let table = table.description
        try await client.query(
            """
            INSERT INTO \(unescaped: table) (subject, revoked_up_to) VALUES (\(subject), \(date))
            ON CONFLICT (subject) DO UPDATE
            SET revoked_up_to = GREATEST(\(unescaped: table).revoked_up_to, EXCLUDED.revoked_up_to)
            """)
    }
}
#endif
