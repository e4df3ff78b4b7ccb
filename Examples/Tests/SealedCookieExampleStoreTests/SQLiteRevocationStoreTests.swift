import Foundation
import Logging
import SealedCookieExampleStore
import Testing

/// The demo's shared revocation store: what one connection writes, another on the same file
/// reads, as two node processes do.
struct SQLiteRevocationStoreTests {
    let logger = Logger(label: "sqlite-revocation-store-tests")

    @Test func aRevocationWrittenThroughOneStoreIsReadThroughAnother() async throws {
        try await withDatabase { path in
            try await SQLiteRevocationStore.createSchema(at: path, logger: logger)
            let writer = try await SQLiteRevocationStore.open(at: path, logger: logger)
            let reader = try await SQLiteRevocationStore.open(at: path, logger: logger)
            let cutoff = Date(timeIntervalSince1970: 1_800_000_000.25)

            #expect(try await reader.revocationCutoff(for: "alice") == nil)
            try await writer.revokeSessions(of: "alice", startedUpTo: cutoff)
            #expect(try await reader.revocationCutoff(for: "alice") == cutoff)
            #expect(try await reader.revocationCutoff(for: "bob") == nil)

            try await writer.close()
            try await reader.close()
        }
    }

    @Test func aCutoffOnlyMovesForward() async throws {
        try await withDatabase { path in
            try await SQLiteRevocationStore.createSchema(at: path, logger: logger)
            let first = try await SQLiteRevocationStore.open(at: path, logger: logger)
            let second = try await SQLiteRevocationStore.open(at: path, logger: logger)
            let later = Date(timeIntervalSince1970: 1_800_000_100)

            try await first.revokeSessions(of: "alice", startedUpTo: later)
            try await second.revokeSessions(of: "alice", startedUpTo: later.addingTimeInterval(-60))
            #expect(try await first.revocationCutoff(for: "alice") == later)
            try await second.revokeSessions(of: "alice", startedUpTo: later.addingTimeInterval(60))
            #expect(try await first.revocationCutoff(for: "alice") == later.addingTimeInterval(60))

            try await first.close()
            try await second.close()
        }
    }

    @Test func theSchemaIsCreatedOnlyByTheMigration() async throws {
        try await withDatabase { path in
            await #expect(throws: SQLiteRevocationStore.MissingSchema.self) {
                try await SQLiteRevocationStore.open(at: path, logger: logger)
            }
            try await SQLiteRevocationStore.createSchema(at: path, logger: logger)
            try await SQLiteRevocationStore.createSchema(at: path, logger: logger)  // again: no harm
            let store = try await SQLiteRevocationStore.open(at: path, logger: logger)
            try await store.close()
        }
    }

    /// Runs `body` with the path of a database file in a fresh directory, removed afterwards.
    private func withDatabase(_ body: (String) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sqlite-revocation-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try await body(directory.appendingPathComponent("revocations.sqlite").path)
    }
}
