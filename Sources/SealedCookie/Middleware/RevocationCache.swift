import Foundation

/// The state of a ``SessionRevocationList``: recent answers per subject (by its bytes, as the
/// stores compare subjects), the lookups in flight, and whether the store is failing. Kept
/// under one lock.
struct RevocationCache {
    /// What the store said about a subject.
    enum Answer: Equatable {
        /// The subject's cutoff, nil when never revoked.
        case cutoff(Date?)
        /// The lookup failed or timed out: answered by the policy until the entry is stale, so
        /// an outage does not cost every request the timeout. `known` is the latest cutoff this
        /// node had learnt for the subject before (nil if none): cutoffs only move forward, so
        /// the sessions it covers are still revoked whatever the policy says about the rest.
        case failed(known: Date?)

        /// The latest cutoff this answer tells of.
        var knownCutoff: Date? {
            switch self {
            case .cutoff(let cutoff), .failed(let cutoff): cutoff
            }
        }
    }

    private struct Entry {
        var answer: Answer
        var fetchedAt: Date
    }

    let capacity: Int
    let staleness: TimeInterval
    private var entries: [RevocationSubject: Entry] = [:]
    /// At most one lookup per subject: concurrent misses share it.
    var lookups: [RevocationSubject: Task<Date?, any Error>] = [:]
    /// True from a failed lookup until the next successful one: one report per outage.
    var isFailing = false

    init(capacity: Int, staleness: Duration) {
        self.capacity = capacity
        self.staleness =
            TimeInterval(staleness.components.seconds) + TimeInterval(staleness.components.attoseconds) / 1e18
    }

    var count: Int { entries.count }

    /// The answer for `subject` if it is younger than the staleness window at `now`.
    func freshAnswer(for subject: RevocationSubject, now: Date) -> Answer? {
        guard let entry = entries[subject], isFresh(entry, now: now) else { return nil }
        return entry.answer
    }

    /// Stores `answer` for `subject`, and returns what was stored. A cutoff never moves back: a
    /// lookup that started before a local revocation and finished after it must not undo it,
    /// and a failed lookup keeps the cutoff this node already knew (stale or not: a cutoff the
    /// store once gave is still a lower bound of the one it holds).
    @discardableResult
    mutating func store(_ answer: Answer, for subject: RevocationSubject, now: Date) -> Answer {
        let known = entries[subject]?.answer.knownCutoff
        let answer: Answer =
            switch answer {
            case .cutoff(let fetched): .cutoff(Self.later(fetched, known))
            case .failed(let failed): .failed(known: Self.later(failed, known))
            }
        if entries[subject] == nil, entries.count >= capacity { makeRoom(now: now) }
        entries[subject] = Entry(answer: answer, fetchedAt: now)
        return answer
    }

    /// Drops every stale entry (each would be looked up again anyway); when all are fresh, drops
    /// the oldest. The sweep is linear, but it frees many places at once in the usual case.
    private mutating func makeRoom(now: Date) {
        entries = entries.filter { isFresh($0.value, now: now) }
        guard entries.count >= capacity, let oldest = entries.min(by: { $0.value.fetchedAt < $1.value.fetchedAt })
        else {
            return
        }
        entries[oldest.key] = nil
    }

    private static func later(_ first: Date?, _ second: Date?) -> Date? {
        guard let first, let second else { return first ?? second }
        return max(first, second)
    }

    private func isFresh(_ entry: Entry, now: Date) -> Bool {
        // A clock that went back makes the entry stale rather than fresh for longer.
        entry.fetchedAt <= now && now.timeIntervalSince(entry.fetchedAt) < staleness
    }
}
