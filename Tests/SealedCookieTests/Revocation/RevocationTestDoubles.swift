import Foundation
import SealedCookie

/// A store whose answers the test scripts, counting the lookups it gets.
final class ScriptedRevocationStore: SessionRevocationStore {
    enum Behavior {
        case answer
        case fail
        /// Waits for ``gate`` and ignores cancellation, like a store stuck on a dead connection.
        case waitForGate
    }

    struct Down: Error {}

    let behavior = Locked(Behavior.answer)
    let gate = Gate()
    private let lookupCount = Locked(0)
    private let cutoffs = InMemorySessionRevocationStore()

    var lookups: Int { lookupCount.withLock { $0 } }

    func revocationCutoff(for subject: String) async throws -> Date? {
        lookupCount.withLock { $0 += 1 }
        switch behavior.withLock({ $0 }) {
        case .answer:
            break
        case .fail:
            throw Down()
        case .waitForGate:
            await gate.wait()
        }
        return await cutoffs.revocationCutoff(for: subject)
    }

    func revokeSessions(of subject: String, startedUpTo date: Date) async throws {
        if behavior.withLock({ $0 }) == .fail { throw Down() }
        await cutoffs.revokeSessions(of: subject, startedUpTo: date)
    }
}

/// Holds its waiters until opened; cancellation does not release them.
final class Gate: Sendable {
    private let state = Locked<(isOpen: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    func wait() async {
        await withCheckedContinuation { continuation in
            let isOpen = state.withLock { state in
                if !state.isOpen { state.waiters.append(continuation) }
                return state.isOpen
            }
            if isOpen { continuation.resume() }
        }
    }

    func open() {
        let waiters = state.withLock { state in
            state.isOpen = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }
}

/// A clock the test moves by hand.
final class ManualClock: Sendable {
    static let start = Date(timeIntervalSince1970: 1_767_225_600)
    private let current = Locked(ManualClock.start)

    var now: Date { current.withLock { $0 } }
    var source: @Sendable () -> Date { { [self] in now } }

    func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}

/// The store events a list reported.
final class StoreEvents: Sendable {
    private let events = Locked<[String]>([])

    var all: [String] { events.withLock { $0 } }

    func record(_ event: SessionRevocationList<String>.StoreEvent) {
        let name =
            switch event {
            case .failing(SessionRevocationError.timedOut(let timeout)): "timed out after \(timeout)"
            case .failing: "failing"
            case .recovered: "recovered"
            }
        events.withLock { $0.append(name) }
    }
}
