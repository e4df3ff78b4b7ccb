import Foundation
import Logging
import MetricsTestKit
import SealedCookieTestSupport
import Testing

@testable import SealedCookie

/// Each metric of the Metrics article moves for its cause, through the real request flow. Every
/// test records into its own `TestMetrics`, handed to the configuration: nothing global is
/// bootstrapped, so the tests run in parallel.
@Suite("Session metrics")
struct SessionMetricsTests {
    struct Account: Codable, Sendable, Equatable {
        var userID: String
        var note = ""
    }

    static let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Keys 1 (primary) and 2 (older), and a key 2 with other bytes, for a value that does not
    /// authenticate.
    static func key(_ id: UInt8, fill: UInt8 = 0) throws -> SessionKey {
        try SessionKey(id: id, bytes: (0..<32).map { UInt8($0) &+ fill &+ id })
    }

    static func codec(
        keys: [SessionKey], compression: SessionCodecConfiguration.Compression = .default,
        maxSessionAge: Duration? = nil, clock: TestClock
    ) throws -> SessionCodec<Account> {
        try SessionCodec(
            configuration: .init(
                cookieName: "session", keyRing: KeyRing(primary: keys[0], older: Array(keys.dropFirst())),
                lifetime: .seconds(3600), maxSessionAge: maxSessionAge, compression: compression,
                clock: clock.source))
    }

    static func flow(
        _ codec: SessionCodec<Account>, metrics: TestMetrics, renewalFraction: Double? = nil,
        revocation: (any SessionRevocationCheck<Account>)? = nil
    ) throws -> SessionRequestFlow<Account> {
        let cookies = try SessionCookies(codec: codec, configuration: .init(scope: .hostOnly))
        return SessionRequestFlow(
            configuration: try SealedSessionConfiguration(
                cookies: cookies, renewalFraction: renewalFraction, revocation: revocation,
                metrics: SessionMetrics(factory: metrics)))
    }

    static func visit(
        _ flow: SessionRequestFlow<Account>, cookies: [String]
    ) async -> SessionVisit<Account> {
        let visit = flow.open(
            cookieFields: cookies, authorizationFields: [], asksForToken: false, host: "example.com", logger: logger)
        return await flow.checkRevocation(of: visit, logger: logger)
    }

    static func refused(_ metrics: TestMetrics, _ reason: String) -> Int64 {
        metrics.counterTotal(label: "sealed_cookie_sessions_refused_total", dimensions: [("reason", reason)])
    }

    @Test("sessions_opened_total counts the sessions handed to the handler, not requests without one")
    func opened() async throws {
        let metrics = TestMetrics()
        let clock = TestClock()
        let codec = try Self.codec(keys: [Self.key(1)], clock: clock)
        let flow = try Self.flow(codec, metrics: metrics)
        let value = try codec.seal(Account(userID: "u1"))

        _ = await Self.visit(flow, cookies: [])
        #expect(metrics.counterTotal(label: "sealed_cookie_sessions_opened_total") == 0)
        let visit = await Self.visit(flow, cookies: ["session=\(value)"])
        #expect(visit.loaded != nil)
        #expect(metrics.counterTotal(label: "sealed_cookie_sessions_opened_total") == 1)
        #expect(metrics.counterTotal(label: "sealed_cookie_sessions_refused_total") == 0)
    }

    @Test("sessions_refused_total moves under the reason each refusal has, and no other")
    func refusedByReason() async throws {
        let clock = TestClock()
        let codec = try Self.codec(keys: [Self.key(1)], maxSessionAge: .seconds(7200), clock: clock)
        let account = Account(userID: "u1")
        let other = Account(userID: "u2")
        let stranger = try Self.codec(keys: [Self.key(1, fill: 100)], clock: clock)
        let unknownKey = try Self.codec(keys: [Self.key(5)], clock: clock)
        let withDictionary = try Self.codec(
            keys: [Self.key(1)], compression: .zstd(dictionaries: SessionDictionaryRing(primary: Self.dictionary())),
            clock: clock)
        let longNote = String(repeating: "{\"cart\":[1,2,3],\"theme\":\"dark\"}", count: 40)
        let dictionaryValue = try withDictionary.seal(Account(userID: "u1", note: longNote))
        #expect(try EnvelopeHeader(sealedValue: dictionaryValue).compression == .zstd(dictionaryID: 9))

        let expiring = try codec.seal(account)
        let oldStart = try codec.seal(
            account, lifetime: .seconds(86_400), sessionStartedAt: clock.now.addingTimeInterval(-7000))
        clock.advance(by: 3600 + 120)
        let cases: [(reason: String, cookies: [String], revocation: (any SessionRevocationCheck<Account>)?)] = [
            ("expired", ["session=\(expiring)"], nil),
            ("too_old", ["session=\(oldStart)"], nil),
            ("authentication_failed", ["session=\(try stranger.seal(account))"], nil),
            ("unknown_key", ["session=\(try unknownKey.seal(account))"], nil),
            ("unknown_dictionary", ["session=\(dictionaryValue)"], nil),
            ("malformed", ["session=not-a-sealed-value"], nil),
            ("conflict", ["session=\(try codec.seal(account)); session=\(try codec.seal(other))"], nil),
            ("revoked", ["session=\(try codec.seal(account))"], FixedCheck(answer: .success(true))),
            ("store_unavailable", ["session=\(try codec.seal(account))"], FixedCheck(answer: .failure(.down))),
        ]
        for (reason, cookies, revocation) in cases {
            let metrics = TestMetrics()
            let flow = try Self.flow(codec, metrics: metrics, revocation: revocation)
            let visit = await Self.visit(flow, cookies: cookies)
            #expect(visit.loaded == nil, "\(reason)")
            #expect(Self.refused(metrics, reason) == 1, "\(reason)")
            #expect(metrics.counterTotal(label: "sealed_cookie_sessions_refused_total") == 1, "\(reason): only it")
            #expect(metrics.counterTotal(label: "sealed_cookie_sessions_opened_total") == 0, "\(reason)")
        }
    }

    @Test("values_opened_by_key_total and _by_dictionary_total count per id, and an id no value uses stays at zero")
    func openedPerKeyAndDictionary() async throws {
        let metrics = TestMetrics()
        let clock = TestClock()
        let (dictionary1, dictionary2) = (try Self.dictionary(id: 1), try Self.dictionary(id: 2))
        let old = try Self.codec(
            keys: [Self.key(2)], compression: .zstd(dictionaries: SessionDictionaryRing(primary: dictionary2)),
            clock: clock)
        let current = try Self.codec(
            keys: [Self.key(1), Self.key(2)],
            compression: .zstd(dictionaries: SessionDictionaryRing(primary: dictionary1, older: [dictionary2])),
            clock: clock)
        let flow = try Self.flow(current, metrics: metrics)
        let note = String(repeating: "{\"cart\":[1,2,3],\"theme\":\"dark\"}", count: 40)
        let value = try old.seal(Account(userID: "u1", note: note))

        _ = await Self.visit(flow, cookies: ["session=\(value)"])
        _ = await Self.visit(flow, cookies: ["session=\(value)"])
        let byKey = { (id: String) in
            try metrics.expectCounter("sealed_cookie_values_opened_by_key_total", [("key_id", id)])
        }
        let byDictionary = { (id: String) in
            try metrics.expectCounter("sealed_cookie_values_opened_by_dictionary_total", [("dictionary_id", id)])
        }
        #expect(try byKey("2").totalValue == 2)
        #expect(try byKey("1").totalValue == 0, "made with the configuration: the zero an operator waits for")
        #expect(try byDictionary("2").totalValue == 2)
        #expect(try byDictionary("1").totalValue == 0)
        #expect(
            metrics.counters(label: "sealed_cookie_values_opened_by_key_total").count == 2, "one per key of the ring")
        // The built-in generic dictionary has its own series on every codec: every codec opens it.
        #expect(try byDictionary("builtin-1").totalValue == 0)
        let generic = try Self.codec(keys: [Self.key(1)], compression: .default, clock: clock)
        _ = await Self.visit(flow, cookies: ["session=\(try generic.seal(Account(userID: "u1", note: note)))"])
        #expect(try byDictionary("builtin-1").totalValue == 1)
        #expect(try byDictionary("1").totalValue == 0, "built-in id 1 is not the application's dictionary 1")
    }

    @Test("values_opened_from_cache_total counts the opens the codec's cache gave, and none without the cache")
    func openedFromCache() async throws {
        let clock = TestClock()
        for capacity in [1024, 0] {
            let metrics = TestMetrics()
            var configuration = try Self.codec(keys: [Self.key(1)], clock: clock).configuration
            configuration.openedValueCacheCapacity = capacity
            let codec = try SessionCodec<Account>(configuration: configuration)
            let flow = try Self.flow(codec, metrics: metrics)
            let value = try codec.seal(Account(userID: "u1"))
            for _ in 0..<3 { _ = await Self.visit(flow, cookies: ["session=\(value)"]) }
            // Another value: a first open, not from the cache.
            _ = await Self.visit(flow, cookies: ["session=\(try codec.seal(Account(userID: "u2")))"])
            let fromCache = try metrics.expectCounter("sealed_cookie_values_opened_from_cache_total").totalValue
            #expect(fromCache == (capacity == 0 ? 0 : 2), "capacity \(capacity)")
            #expect(
                try metrics.expectCounter("sealed_cookie_values_opened_by_key_total", [("key_id", "1")]).totalValue == 4
            )
        }
    }

    @Test("reseals_total counts rotation, renewal and change, each under its cause; a new session is none")
    func resealsByCause() async throws {
        let metrics = TestMetrics()
        let clock = TestClock()
        let old = try Self.codec(keys: [Self.key(2)], clock: clock)
        let current = try Self.codec(keys: [Self.key(1), Self.key(2)], clock: clock)
        let flow = try Self.flow(current, metrics: metrics, renewalFraction: 0.5)
        let account = Account(userID: "u1")
        let reseals = { (cause: String) in
            metrics.counterTotal(label: "sealed_cookie_reseals_total", dimensions: [("cause", cause)])
        }

        let fresh = await Self.visit(flow, cookies: [])
        _ = try flow.write(after: fresh, session: account, expiresIn: nil, logger: Self.logger)
        #expect(metrics.counterTotal(label: "sealed_cookie_reseals_total") == 0)

        let rotated = await Self.visit(flow, cookies: ["session=\(try old.seal(account))"])
        _ = try flow.write(after: rotated, session: account, expiresIn: rotated.loaded?.lifetime, logger: Self.logger)
        #expect(reseals("rotation") == 1)

        var changed = account
        changed.note = "dark theme"
        let current1 = await Self.visit(flow, cookies: ["session=\(try current.seal(account))"])
        _ = try flow.write(after: current1, session: changed, expiresIn: current1.loaded?.lifetime, logger: Self.logger)
        #expect(reseals("change") == 1)

        let due = try current.seal(account)
        clock.advance(by: 2000)
        let renewed = await Self.visit(flow, cookies: ["session=\(due)"])
        _ = try flow.write(after: renewed, session: account, expiresIn: renewed.loaded?.lifetime, logger: Self.logger)
        #expect(reseals("renewal") == 1)
        #expect(metrics.counterTotal(label: "sealed_cookie_reseals_total") == 3)
    }

    @Test("set_cookie_bytes records each session cookie's size; sessions_near_budget_total counts those over 90%")
    func cookieSizeAndBudget() async throws {
        let metrics = TestMetrics()
        let clock = TestClock()
        let codec = try Self.codec(keys: [Self.key(1)], compression: .disabled, clock: clock)
        let flow = try Self.flow(codec, metrics: metrics)
        var generator = SeededGenerator.forTest()
        // Random letters, not compressed: the sealed size follows the note's length.
        let note = { (count: Int) in
            String((0..<count).map { _ in Character(UnicodeScalar(UInt8.random(in: 97...122, using: &generator))) })
        }

        for (length, isNear) in [(100, false), (2_800, true)] {
            let visit = await Self.visit(flow, cookies: [])
            let write = try flow.write(
                after: visit, session: Account(userID: "u1", note: note(length)), expiresIn: nil, logger: Self.logger)
            guard case .setCookies(let values) = write else {
                Issue.record("expected cookies, got \(write)")
                return
            }
            let recorder = try metrics.expectRecorder("sealed_cookie_set_cookie_bytes")
            #expect(recorder.lastValue == Double(values.reduce(0) { $0 + $1.utf8.count }))
            #expect(
                metrics.counterTotal(label: "sealed_cookie_sessions_near_budget_total") == (isNear ? 1 : 0),
                "\(values[0].utf8.count) bytes")
        }
        #expect(try metrics.expectRecorder("sealed_cookie_set_cookie_bytes").values.count == 2)
    }

    @Test("the revocation list counts cache hits and misses, times the store, and counts outages once each")
    func revocation() async throws {
        let metrics = TestMetrics()
        let clock = TestClock()
        let store = SwitchableStore()
        let list = try SessionRevocationList<Account>(
            store: store, staleness: .seconds(5), clock: clock.source, logger: Self.logger,
            metrics: SessionMetrics(factory: metrics)
        ) { $0.userID }
        let codec = try Self.codec(keys: [Self.key(1)], clock: clock)
        let flow = try Self.flow(codec, metrics: metrics, revocation: list)
        let cookie = "session=\(try codec.seal(Account(userID: "u1")))"
        let count = { (name: String) in metrics.counterTotal(label: "sealed_cookie_revocation_\(name)") }

        #expect(await Self.visit(flow, cookies: [cookie]).loaded != nil)
        #expect(count("cache_misses_total") == 1)
        #expect(count("cache_hits_total") == 0)
        #expect(try metrics.expectTimer("sealed_cookie_revocation_store_duration_seconds").values.count == 1)
        #expect(await Self.visit(flow, cookies: [cookie]).loaded != nil)
        #expect(count("cache_hits_total") == 1)

        store.isDown.withLock { $0 = true }
        for _ in 0..<2 {
            clock.advance(by: 10)
            #expect(await Self.visit(flow, cookies: [cookie]).loaded == nil)
        }
        #expect(count("store_outages_total") == 1, "one outage, however many failed lookups")
        #expect(Self.refused(metrics, "store_unavailable") == 2)
        store.isDown.withLock { $0 = false }
        clock.advance(by: 10)
        _ = await Self.visit(flow, cookies: [cookie])
        store.isDown.withLock { $0 = true }
        clock.advance(by: 10)
        _ = await Self.visit(flow, cookies: [cookie])
        #expect(count("store_outages_total") == 2)
        #expect(count("cache_misses_total") == 5)
        #expect(try metrics.expectTimer("sealed_cookie_revocation_store_duration_seconds").values.count == 5)
    }

    @Test("the labels take the configured prefix")
    func labelPrefix() async throws {
        let metrics = TestMetrics()
        let clock = TestClock()
        let codec = try Self.codec(keys: [Self.key(1)], clock: clock)
        let cookies = try SessionCookies(codec: codec, configuration: .init(scope: .hostOnly))
        let flow = SessionRequestFlow(
            configuration: try SealedSessionConfiguration(
                cookies: cookies, metrics: SessionMetrics(factory: metrics, labelPrefix: "login")))
        _ = await Self.visit(flow, cookies: ["session=\(try codec.seal(Account(userID: "u1")))"])
        #expect(metrics.counterTotal(label: "login_sessions_opened_total") == 1)
        #expect(metrics.counterTotal(label: "sealed_cookie_sessions_opened_total") == 0)
    }

    static func dictionary(id: UInt8 = 9) throws -> SessionDictionary {
        try SessionDictionary(
            id: id,
            bytes: Array(
                String(
                    repeating: "{\"userID\":\"u1\",\"note\":\"{\\\"cart\\\":[1,2,3],\\\"theme\\\":\\\"dark\\\"}\"}",
                    count: 40
                ).utf8))
    }

    enum StoreError: Error { case down }

    /// A revocation check with a fixed answer.
    struct FixedCheck: SessionRevocationCheck {
        let answer: Result<Bool, StoreError>
        func isRevoked(_ session: Account, startedAt: Date) async throws -> Bool { try answer.get() }
    }

    /// A store that answers "never revoked", or fails while `isDown`.
    final class SwitchableStore: SessionRevocationStore {
        let isDown = Locked(false)

        func revocationCutoff(for subject: String) async throws -> Date? {
            if isDown.withLock({ $0 }) { throw StoreError.down }
            return nil
        }

        func revokeSessions(of subject: String, startedUpTo date: Date) async throws {}
    }
}
