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
        /// Which store made it: the one ``order`` must name for its record to be live.
        var sequence: UInt64
    }

    let capacity: Int
    let staleness: TimeInterval
    private var entries: [RevocationSubject: Entry] = [:]
    /// Every store in the order made, oldest first from `orderStart`: the eviction order. A
    /// record whose subject was stored again since (another sequence) is dead and skipped.
    private var order: [(subject: RevocationSubject, sequence: UInt64)] = []
    private var orderStart = 0
    private var lastSequence: UInt64 = 0
    /// At most one lookup per subject: concurrent misses share it.
    var lookups: [RevocationSubject: Task<Date?, any Error>] = [:]
    /// The store calls not returned yet, those abandoned at the timeout included: a store that
    /// never answers (and ignores cancellation) would otherwise keep a task per subject per
    /// staleness window.
    var callsInFlight = 0
    /// The most store calls in flight; a miss beyond it is answered as a failed lookup. Far above
    /// what a store that answers needs (calls in flight are its latency times the misses per
    /// second), small enough that the tasks of one that hangs cost little.
    static let maxCallsInFlight = 1_000
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

    /// The latest cutoff known for `subject`, stale or not.
    func knownCutoff(for subject: RevocationSubject) -> Date? {
        entries[subject]?.answer.knownCutoff
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
        lastSequence += 1
        entries[subject] = Entry(answer: answer, fetchedAt: now, sequence: lastSequence)
        order.append((subject, lastSequence))
        compactOrder()
        return answer
    }

    /// Drops the stale entries at the front of the eviction order (each would be looked up again
    /// anyway), then, if the cache is still full, the oldest fresh one. Entries are stored with
    /// the time of storing, so the stale ones come first; each record is passed over once, so
    /// an insert costs O(1) amortised however full the cache is of fresh entries.
    private mutating func makeRoom(now: Date) {
        while orderStart < order.count {
            let record = order[orderStart]
            orderStart += 1
            guard let entry = entries[record.subject], entry.sequence == record.sequence else { continue }
            if isFresh(entry, now: now) && entries.count < capacity {
                orderStart -= 1  // The oldest live entry stays, and so does its record.
                return
            }
            entries[record.subject] = nil
            if isFresh(entry, now: now) { return }  // The cache was full of fresh entries: one place is enough.
        }
    }

    /// Keeps ``order`` within a constant factor of the entries: drops the records already passed
    /// over once they are half of it, and the dead ones once they outnumber the live. Each is
    /// linear, but only after as many appends, so O(1) amortised.
    private mutating func compactOrder() {
        if orderStart > 0, orderStart >= order.count / 2 {
            order.removeFirst(orderStart)
            orderStart = 0
        }
        if order.count > 2 * max(entries.count, 16) {
            order.removeAll { record in entries[record.subject]?.sequence != record.sequence }
            orderStart = 0
        }
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
