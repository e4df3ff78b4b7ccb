import Foundation
import SealedCookieTestSupport
import Testing

@testable import SealedCookie

/// A result that is ready must never lose to the timer. The race this guards against (issue 19):
/// the result path cancelled the timer before resuming, and the timer, woken by the
/// cancellation, resumed with a timeout; a few lookups in 100,000 were refused that way, each
/// reported as an outage. The timeout here is a minute, so every timeout these tests see is
/// spurious; they count and print them, and expect none.
@Suite struct DeadlineStressTests {
    static let timeout = Duration.seconds(60)
    static let workers = 4

    @Test func aReadyResultNeverTimesOutOneLookupAfterAnother() async {
        let timeouts = await Self.deadlineTimeouts(lookups: 100_000)
        print("Deadline, sequential: \(timeouts) spurious timeouts in 100000 lookups")
        #expect(timeouts == 0)
    }

    @Test func aReadyResultNeverTimesOutWithConcurrentLookups() async {
        let timeouts = await Self.concurrently { _ in await Self.deadlineTimeouts(lookups: 25_000) }
        print("Deadline, \(Self.workers) workers: \(timeouts) spurious timeouts in \(Self.workers * 25_000) lookups")
        #expect(timeouts == 0)
    }

    @Test func aStoreThatAnswersAtOnceIsNeverUnavailableOneLookupAfterAnother() async throws {
        let events = StoreEvents()
        let list = try Self.list(events: events)
        let refusals = await Self.refusals(by: list, of: "alice", lookups: 100_000)
        print("SessionRevocationList, sequential: \(refusals) storeUnavailable in 100000 lookups")
        #expect(refusals == 0)
        #expect(events.all.isEmpty)
    }

    @Test func aStoreThatAnswersAtOnceIsNeverUnavailableWithConcurrentLookups() async throws {
        let events = StoreEvents()
        let list = try Self.list(events: events)
        // A subject per worker, so every lookup is its own (shared lookups would hide some).
        let refusals = await Self.concurrently { worker in
            await Self.refusals(by: list, of: "user-\(worker)", lookups: 25_000)
        }
        print(
            "SessionRevocationList, \(Self.workers) workers: \(refusals) storeUnavailable in \(Self.workers * 25_000) lookups"
        )
        #expect(refusals == 0)
        #expect(events.all.isEmpty)
    }

    /// A list that asks the store on every lookup (staleness zero) and refuses when it cannot tell.
    static func list(events: StoreEvents) throws -> SessionRevocationList<String> {
        try SessionRevocationList(
            store: InMemorySessionRevocationStore(), staleness: .zero, timeout: timeout, whenStoreFails: .refuse,
            logger: LogRecorder.discarding, onStoreEvent: events.record
        ) { $0 }
    }

    static func deadlineTimeouts(lookups: Int) async -> Int {
        var timeouts = 0
        for index in 0..<lookups {
            let task = Task<Int, any Error> { index }
            if case .failure = await Deadline.result(of: task, within: timeout) { timeouts += 1 }
        }
        return timeouts
    }

    static func refusals(by list: SessionRevocationList<String>, of subject: String, lookups: Int) async -> Int {
        let startedAt = Date()
        var refusals = 0
        for _ in 0..<lookups {
            do {
                _ = try await list.isRevoked(subject, startedAt: startedAt)
            } catch {
                refusals += 1
            }
        }
        return refusals
    }

    /// The sum of `work` run by ``workers`` tasks at once.
    static func concurrently(_ work: @escaping @Sendable (Int) async -> Int) async -> Int {
        await withTaskGroup(of: Int.self) { group in
            for worker in 0..<workers { group.addTask { await work(worker) } }
            var sum = 0
            for await part in group { sum += part }
            return sum
        }
    }
}
