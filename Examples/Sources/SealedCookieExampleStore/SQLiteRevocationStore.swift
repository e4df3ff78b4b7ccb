public import Foundation
public import Logging
import SQLiteNIO
public import SealedCookie

/// A ``SealedCookie/SessionRevocationStore`` in an SQLite file that every node process on one
/// machine opens: the demo's shared store, which needs no database server.
///
/// It holds one row per subject (the example's user name): sessions of that subject that started
/// (logged in) at or before `revoked_up_to` are revoked, however often they were renewed. Several processes read and write the file at once: it is
/// in WAL mode (readers do not block the writer) and every connection waits up to
/// ``busyTimeout`` for a lock instead of failing. That only holds on one machine: SQLite's
/// locks do not work across machines over a network file system, so a cluster of several
/// machines shares the PostgreSQL store instead.
///
/// The schema is created explicitly, once, by ``createSchema(at:logger:)``; ``open(at:logger:)``
/// refuses a file without it rather than creating tables behind the caller's back.
public final class SQLiteRevocationStore: SessionRevocationStore {
    /// Thrown by ``open(at:logger:)`` on a file without the table.
    public struct MissingSchema: Error, CustomStringConvertible {
        /// The file that was opened.
        public var path: String
        public var description: String {
            "\(path) has no \(SQLiteRevocationStore.table) table: create it first (SQLiteRevocationStore.createSchema)"
        }
    }

    /// The table's name.
    public static let table = "session_revocations"

    /// How long a statement waits for another process's lock before failing with `SQLITE_BUSY`.
    ///
    /// Writes are one-row upserts that hold the lock for well under a millisecond, so the wait
    /// only matters under contention; it also bounds it (sqlite-nio's own handler retries forever).
    public static let busyTimeout: Duration = .seconds(5)

    private let connection: SQLiteConnection

    private init(connection: SQLiteConnection) {
        self.connection = connection
    }

    /// The migration: makes the file if needed, switches it to WAL mode (a setting the file keeps)
    /// and creates the table. Safe to run again.
    ///
    /// - Throws: `SQLiteError` when the file cannot be opened or written.
    public static func createSchema(at path: String, logger: Logger) async throws {
        let connection = try await connect(path, logger: logger)
        let outcome: Result<Void, any Error>
        do {
            _ = try await connection.query("PRAGMA journal_mode = WAL")
            // Seconds since 1970 as REAL: a Date's own representation, so a cutoff reads back exactly.
            _ = try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS \(table) (
                    subject TEXT PRIMARY KEY NOT NULL,
                    revoked_up_to REAL NOT NULL
                ) STRICT, WITHOUT ROWID
                """)
            outcome = .success(())
        } catch {
            outcome = .failure(error)
        }
        try await connection.close()
        try outcome.get()
    }

    /// Opens the store in a file that ``createSchema(at:logger:)`` prepared.
    ///
    /// - Throws: ``MissingSchema`` when the table is missing; `SQLiteError` when the file cannot
    ///   be opened.
    public static func open(at path: String, logger: Logger) async throws -> SQLiteRevocationStore {
        let connection = try await connect(path, logger: logger)
        let tables = try await connection.query(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name = ?", [.text(table)])
        guard !tables.isEmpty else {
            try await connection.close()
            throw MissingSchema(path: path)
        }
        return SQLiteRevocationStore(connection: connection)
    }

    private static func connect(_ path: String, logger: Logger) async throws -> SQLiteConnection {
        let connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        do {
            // Replaces sqlite-nio's busy handler, which retries without sleeping or giving up.
            _ = try await connection.query("PRAGMA busy_timeout = \(busyTimeout.components.seconds * 1000)")
        } catch {
            try? await connection.close()
            throw error
        }
        return connection
    }

    /// Closes the connection; the store cannot be used afterwards.
    public func close() async throws {
        try await connection.close()
    }

    /// The latest cutoff recorded for `subject`, nil when its sessions were never revoked.
    public func revocationCutoff(for subject: String) async throws -> Date? {
        let rows = try await connection.query(
            "SELECT revoked_up_to FROM \(Self.table) WHERE subject = ?", [.text(subject)])
        return rows.first?.column("revoked_up_to")?.double.map { Date(timeIntervalSince1970: $0) }
    }

    /// Revokes every session of `subject` that started at or before `date`. A cutoff only moves
    /// forward, so an older revocation arriving late cannot undo a newer one.
    public func revokeSessions(of subject: String, startedUpTo date: Date) async throws {
        _ = try await connection.query(
            """
            INSERT INTO \(Self.table) (subject, revoked_up_to) VALUES (?, ?)
            ON CONFLICT (subject) DO UPDATE SET revoked_up_to = max(revoked_up_to, excluded.revoked_up_to)
            """,
            [.text(subject), .float(date.timeIntervalSince1970)])
    }
}
