import Foundation
import Logging
import SealedCookie
import SealedCookieTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The revocation list reports the store's outages as a library does, through the swift-log
/// `Logger` it is given, and writes nothing to standard error itself.
@Suite struct RevocationLoggingTests {
    @Test func anOutageIsLoggedOnceAsAWarningAndTheRecoveryOnceAsInfoWithNothingOnStandardError()
        async throws
    {
        let store = ScriptedRevocationStore()
        let clock = ManualClock()
        let recorder = LogRecorder()
        let events = StoreEvents()
        let list = try SessionRevocationList<String>(
            store: UniquelyFailingStore(store), whenStoreFails: .accept, clock: clock.source,
            logger: recorder.logger, onStoreEvent: events.record
        ) { $0 }
        let written = try await StandardError.capture {
            store.behavior.withLock { $0 = .fail }
            for user in ["a", "b", "c"] { _ = try await list.isRevoked(user, startedAt: clock.now) }
            store.behavior.withLock { $0 = .answer }
            for user in ["d", "e"] { _ = try await list.isRevoked(user, startedAt: clock.now) }
        }
        let warnings = recorder.entries(at: .warning, containing: "revocation store failing")
        #expect(warnings.count == 1)
        #expect(warnings.first?.message.contains(UniquelyFailingStore.marker) == true)
        #expect(recorder.entries(at: .info, containing: "revocation store answering again").count == 1)
        #expect(recorder.all.count == 2)
        // The hook still sees the same two events, after the logger.
        #expect(events.all == ["failing", "recovered"])
        // Other suites running meanwhile may log their own outages through the default logger,
        // so only this list's lines are looked for: its error's marker, and the line the old
        // default (`writeToStandardError`) wrote.
        #expect(!written.contains(UniquelyFailingStore.marker), "\(written)")
        #expect(!written.contains("SealedCookie: revocation store"), "\(written)")
    }
}

/// A ``ScriptedRevocationStore`` whose failures carry a marker no other test's error has.
private struct UniquelyFailingStore: SessionRevocationStore {
    struct Unreachable: Error, CustomDebugStringConvertible {
        var debugDescription: String { "Unreachable(\(UniquelyFailingStore.marker))" }
    }

    static let marker = "revocation-logging-test-\(UUID().uuidString)"

    let scripted: ScriptedRevocationStore

    init(_ scripted: ScriptedRevocationStore) { self.scripted = scripted }

    func revocationCutoff(for subject: String) async throws -> Date? {
        do { return try await scripted.revocationCutoff(for: subject) } catch { throw Unreachable() }
    }

    func revokeSessions(of subject: String, startedUpTo date: Date) async throws {
        try await scripted.revokeSessions(of: subject, startedUpTo: date)
    }
}

/// Standard error (file descriptor 2) redirected to a file while a body runs. What the body, or
/// any test running meanwhile, wrote is returned and then written to the real standard error,
/// so no other test's output is lost; a file rather than a pipe, so a writer never blocks.
enum StandardError {
    struct CaptureFailed: Error {}

    static func capture(_ body: () async throws -> Void) async throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("stderr-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        let file = open(url.path, O_RDWR | O_CREAT | O_TRUNC, 0o600)
        guard file >= 0 else { throw CaptureFailed() }
        defer { close(file) }
        // `fflush(nil)` flushes every C stream, standard error's buffer included, without naming
        // the global `stderr` (not concurrency-safe to touch).
        let saved = dup(2)
        guard saved >= 0 else { throw CaptureFailed() }
        defer { close(saved) }
        fflush(nil)
        guard dup2(file, 2) >= 0 else { throw CaptureFailed() }
        let outcome: Result<Void, any Error>
        do {
            try await body()
            outcome = .success(())
        } catch {
            outcome = .failure(error)
        }
        fflush(nil)
        guard dup2(saved, 2) >= 0 else { throw CaptureFailed() }
        let written = try Data(contentsOf: url)
        FileHandle.standardError.write(written)
        try outcome.get()
        return String(decoding: written, as: UTF8.self)
    }
}
