public import Foundation
public import Logging

import class CoreMetrics.Counter
import class CoreMetrics.Timer

/// A ``SessionRevocationCheck`` a cluster can trust: every node reads one shared
/// ``SessionRevocationStore`` (the cluster's database), with a short in-process cache in front so
/// that most requests make no round trip.
///
/// ```swift
/// let revocation = try SessionRevocationList<UserSession>(store: store) { $0.userID }
/// let configuration = try SealedSessionConfiguration(cookies: cookies, revocation: revocation)
/// // On logout, or "log out everywhere", on any node:
/// try await revocation.revokeSessions(of: session.userID)
/// ```
///
/// What it guarantees:
/// - **Staleness.** An answer younger than `staleness` is used without asking the store. A
///   session revoked through *another* node may therefore still be accepted here for up to
///   `staleness` (plus the store's own replication lag, if any). The node that revoked refuses
///   it at once: ``revokeSessions(of:startedUpTo:)`` updates its own cache.
/// - **Renewal.** Revocation covers every session that *started* (logged in) up to the cutoff,
///   and renewal keeps a session's start: a node that renews a revoked session because it could
///   not tell (a stale answer, or a failed lookup under ``StoreFailurePolicy/accept``) does not
///   launder it; the renewed value is refused wherever the revocation is known.
/// - **Timeout.** A lookup slower than `timeout` is abandoned: no request waits longer for the
///   store. Concurrent requests for the same subject share one lookup.
/// - **Store down.** A failed or timed-out lookup is answered by the
///   ``StoreFailurePolicy`` for `staleness` (so an outage does not cost every request the
///   timeout), then tried again. A cutoff this node already knew for the subject (from an
///   earlier lookup or its own revocation, while still cached) keeps applying meanwhile, under
///   either policy. The default is ``StoreFailurePolicy/refuse``; see there why.
///   The outage is logged once, as a warning, when it starts, and once, as info, when a lookup
///   succeeds again (through `logger`, and reported to `onStoreEvent`).
/// - **Memory.** At most `capacity` subjects are cached; stale ones go first, then the oldest,
///   in amortised constant time per insert. At most 1,000 store calls are in flight, those abandoned at
///   the timeout included: a store that never returns costs no more tasks than that, and a
///   miss beyond it is answered as a failed lookup.
public final class SessionRevocationList<Session: Sendable>: SessionRevocationCheck {
    /// What to do with a session whose revocation the store could not tell in time.
    public enum StoreFailurePolicy: Sendable, Equatable {
        /// Treat the request as having no session (the default). The middlewares leave the
        /// cookie alone and answer as for a logged-out user, never with a 500, so users are back
        /// once the store is. The default because the check exists to refuse revoked sessions:
        /// accepting every session while the store is down would let exactly those through, and
        /// the store is usually the app's own database, without which it serves little anyway.
        case refuse
        /// Accept the session as if it had never been revoked: availability over revocation,
        /// for apps whose sessions grant little and whose store may be down on its own. A cutoff
        /// this node already knew for the subject still refuses the sessions it covers, and
        /// since revocation compares sessions' starts, a revoked session accepted and renewed
        /// meanwhile is refused again once the store answers.
        case accept
    }

    /// A change in the store's health, logged and reported once per outage.
    public enum StoreEvent: Sendable, CustomStringConvertible {
        /// A lookup failed or timed out (``SessionRevocationError/timedOut(after:)``) after the store had
        /// been answering.
        case failing(any Error)
        /// A lookup succeeded after a failure.
        case recovered

        /// A line for the operator's log, with the error's debug description (database clients
        /// keep the details out of the plain one).
        public var description: String {
            switch self {
            case .failing(let error):
                "revocation store failing, reported again on recovery: \(String(reflecting: error))"
            case .recovered: "revocation store answering again"
            }
        }
    }

    private let store: any SessionRevocationStore
    private let subject: @Sendable (Session) -> String?
    private let timeout: Duration
    private let policy: StoreFailurePolicy
    private let clock: @Sendable () -> Date
    private let logger: Logger
    private let onStoreEvent: @Sendable (StoreEvent) -> Void
    private let cache: Locked<RevocationCache>
    private let cacheHits: Counter
    private let cacheMisses: Counter
    private let storeDuration: CoreMetrics.Timer
    private let storeOutages: Counter

    /// Makes a list over `store`.
    ///
    /// - Parameters:
    ///   - store: The cluster's shared store.
    ///   - staleness: How long an answer is used without asking the store again: the longest a
    ///     session revoked through another node may still be accepted here. Default 5 seconds;
    ///     0 to 1 hour.
    ///   - timeout: The longest a request waits for the store. Default 250 milliseconds: ample
    ///     for a database on the same network, but a node starved of CPU (just started, or on an
    ///     overloaded machine) can miss it and then applies `whenStoreFails`; raise it there.
    ///     1 millisecond to 1 minute.
    ///   - whenStoreFails: See ``StoreFailurePolicy``. Default ``StoreFailurePolicy/refuse``.
    ///   - capacity: The most subjects cached. Default 10,000; 1 to 10,000,000.
    ///   - clock: The time source for staleness and ``revokeSessions(of:)``; inject one in tests.
    ///   - logger: Where the store's outages are logged: ``StoreEvent/failing(_:)`` at warning
    ///     level, ``StoreEvent/recovered`` at info, once each per outage (not per request).
    ///     Default: a logger labelled `SealedCookie.SessionRevocationList`, which goes wherever
    ///     the app bootstrapped swift-log's `LoggingSystem` (standard error if it bootstrapped
    ///     nothing); pass the app's own logger to keep its metadata and level.
    ///   - onStoreEvent: Also called with each event the logger gets, after it: for a metric or
    ///     an alert. Default: nothing.
    ///   - metrics: Where the cache's hits and misses, the store's latency and its outages are
    ///     recorded (see <doc:Metrics>). Default: swift-metrics' `MetricsSystem` as bootstrapped
    ///     when the list is made.
    ///   - subject: What a session is revoked by, typically its user id; sessions it maps to nil
    ///     are never revoked and never looked up. Subjects are told apart by their UTF-8 bytes,
    ///     as the stores compare them, never by Unicode equivalence: a precomposed and a
    ///     decomposed "josé" are two subjects (normalize ids yourself if they should be one). A
    ///     subject with a NUL character can never be revoked (PostgreSQL cannot store it):
    ///     ``revokeSessions(of:)`` throws for it and its sessions are always treated as revoked.
    ///     The empty subject is an ordinary one.
    /// - Throws: ``SessionRevocationError/invalidConfiguration(setting:allowed:)`` naming the value
    ///   out of range.
    public init(
        store: any SessionRevocationStore,
        staleness: Duration = .seconds(5),
        timeout: Duration = .milliseconds(250),
        whenStoreFails: StoreFailurePolicy = .refuse,
        capacity: Int = 10_000,
        clock: @escaping @Sendable () -> Date = { Date() },
        logger: Logger = Logger(label: "SealedCookie.SessionRevocationList"),
        onStoreEvent: @escaping @Sendable (StoreEvent) -> Void = { _ in },
        metrics: SessionMetrics = SessionMetrics(),
        subject: @escaping @Sendable (Session) -> String?
    ) throws(SessionRevocationError) {
        guard staleness >= .zero, staleness <= .seconds(3600) else {
            throw .invalidConfiguration(setting: "staleness", allowed: "0 to 1 hour")
        }
        guard timeout >= .milliseconds(1), timeout <= .seconds(60) else {
            throw .invalidConfiguration(setting: "timeout", allowed: "1 millisecond to 1 minute")
        }
        guard (1...10_000_000).contains(capacity) else {
            throw .invalidConfiguration(setting: "capacity", allowed: "1 to 10,000,000 (is \(capacity))")
        }
        self.store = store
        self.subject = subject
        self.timeout = timeout
        self.policy = whenStoreFails
        self.clock = clock
        self.logger = logger
        self.onStoreEvent = onStoreEvent
        self.cache = Locked(RevocationCache(capacity: capacity, staleness: staleness))
        self.cacheHits = metrics.counter("revocation_cache_hits_total")
        self.cacheMisses = metrics.counter("revocation_cache_misses_total")
        self.storeDuration = metrics.timer("revocation_store_duration_seconds")
        self.storeOutages = metrics.counter("revocation_store_outages_total")
    }

    /// Whether `session`, which started (logged in) at `startedAt`, is revoked: from the cache
    /// when fresh, from the store otherwise.
    ///
    /// - Throws: ``SessionRevocationError/storeUnavailable`` when the store failed or timed out
    ///   and the policy is ``StoreFailurePolicy/refuse``.
    public func isRevoked(_ session: Session, startedAt: Date) async throws(SessionRevocationError) -> Bool {
        guard let subject = subject(session) else { return false }
        // A subject that could never be revoked is never vouched for.
        guard RevocationSubject.isStorable(subject) else { return true }
        switch await answer(for: subject) {
        case .cutoff(let cutoff):
            return cutoff.map { startedAt <= $0 } ?? false
        case .failed(let known):
            // What this node knew before the store failed still holds; the policy only decides
            // the sessions it does not cover.
            if let known, startedAt <= known { return true }
            guard policy == .accept else { throw .storeUnavailable }
            return false
        }
    }

    /// Revokes every session of `subject` that started (logged in) up to now, however often it
    /// was renewed since (whole seconds: a session started within the same second is revoked
    /// too), in the store and in this node's cache at once.
    ///
    /// - Throws: ``SessionRevocationError/unrevocableSubject`` for a subject with a NUL
    ///   character; the store's error. Either way nothing was revoked.
    public func revokeSessions(of subject: String) async throws {
        try await revokeSessions(of: subject, startedUpTo: clock())
    }

    /// Revokes every session of `subject` that started (logged in) at or before `date`, renewed
    /// or not, in the store and in this node's cache at once. Other nodes see it within their
    /// staleness window.
    ///
    /// - Throws: ``SessionRevocationError/unrevocableSubject`` for a subject with a NUL
    ///   character; the store's error. Either way nothing was revoked.
    public func revokeSessions(of subject: String, startedUpTo date: Date) async throws {
        guard RevocationSubject.isStorable(subject) else { throw SessionRevocationError.unrevocableSubject }
        try await store.revokeSessions(of: subject, startedUpTo: date)
        let now = clock()
        cache.withLock { _ = $0.store(.cutoff(date), for: RevocationSubject(subject), now: now) }
    }

    /// How many subjects are cached; for tests.
    package var cachedSubjectCount: Int { cache.withLock { $0.count } }

    /// How many store calls have not returned yet; for tests.
    package var storeCallsInFlight: Int { cache.withLock { $0.callsInFlight } }

    private enum Step {
        /// A fresh answer of the cache.
        case hit(RevocationCache.Answer)
        /// No fresh answer, and no store call allowed.
        case answered(RevocationCache.Answer)
        case wait(Task<Date?, any Error>)
    }

    private func answer(for name: String) async -> RevocationCache.Answer {
        let subject = RevocationSubject(name)
        let now = clock()
        let step: Step = cache.withLock { cache in
            if let answer = cache.freshAnswer(for: subject, now: now) { return .hit(answer) }
            if let shared = cache.lookups[subject] { return .wait(shared) }
            // Not cached, so no outage report and no penalty beyond this request: the calls that
            // fill the bound are already reported as timed out.
            guard cache.callsInFlight < RevocationCache.maxCallsInFlight else {
                return .answered(.failed(known: cache.knownCutoff(for: subject)))
            }
            cache.callsInFlight += 1
            let lookup = Task { [self] in
                let start = ContinuousClock.now
                defer {
                    // Every call that returns, failed or abandoned at the timeout included.
                    let elapsed = (ContinuousClock.now - start).components
                    self.storeDuration.recordNanoseconds(
                        elapsed.seconds * 1_000_000_000 + elapsed.attoseconds / 1_000_000_000)
                    self.cache.withLock { $0.callsInFlight -= 1 }
                }
                return try await store.revocationCutoff(for: name)
            }
            cache.lookups[subject] = lookup
            return .wait(lookup)
        }
        switch step {
        case .hit(let answer):
            cacheHits.increment()
            return answer
        case .answered(let answer):
            cacheMisses.increment()
            return answer
        case .wait(let lookup):
            cacheMisses.increment()
            return finish(lookup, for: subject, with: await Deadline.result(of: lookup, within: timeout))
        }
    }

    /// Logs `event` and hands it to `onStoreEvent`. The message is the event's description, which
    /// operators' log searches (and scripts/cluster-test) look for.
    private func report(_ event: StoreEvent) {
        switch event {
        case .failing:
            storeOutages.increment()
            logger.warning("\(event)")
        case .recovered: logger.info("\(event)")
        }
        onStoreEvent(event)
    }

    /// Caches what a lookup gave, and reports the first failure and the first success after it.
    private func finish(
        _ lookup: Task<Date?, any Error>, for subject: RevocationSubject, with result: Result<Date?, any Error>
    ) -> RevocationCache.Answer {
        let now = clock()
        let (answer, event): (RevocationCache.Answer, StoreEvent?) = cache.withLock { cache in
            if cache.lookups[subject] == lookup { cache.lookups[subject] = nil }
            switch result {
            case .success(let cutoff):
                defer { cache.isFailing = false }
                return (cache.store(.cutoff(cutoff), for: subject, now: now), cache.isFailing ? .recovered : nil)
            case .failure(let error):
                // A hung lookup must not hold the subject: the next miss, after the failure has
                // gone stale, starts a new one.
                lookup.cancel()
                let answer = cache.store(.failed(known: nil), for: subject, now: now)
                defer { cache.isFailing = true }
                return (answer, cache.isFailing ? nil : .failing(error))
            }
        }
        if let event { report(event) }
        return answer
    }
}
