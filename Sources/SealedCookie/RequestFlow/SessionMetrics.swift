public import CoreMetrics

/// Where the session middlewares and ``SessionRevocationList`` record their metrics, through
/// swift-metrics: sessions opened and refused, values opened per key and dictionary, re-seals,
/// cookie sizes and the revocation store's health (every metric is listed in the Metrics article).
///
/// The default records through `MetricsSystem.factory` as it is when the configuration (or the
/// list) is made, so bootstrap `MetricsSystem` first; an app that never bootstraps it records
/// into swift-metrics' no-op handlers. The metrics are made once, with the configuration, never
/// per request.
public struct SessionMetrics: Sendable {
    /// Makes the metrics' handlers.
    let factory: any MetricsFactory
    /// The start of every metric's label, before `_`.
    let labelPrefix: String

    /// Records through `factory` under labels that start with `labelPrefix` and `_`.
    /// - Parameters:
    ///   - factory: The factory to make the metrics with. Default: `MetricsSystem.factory`, the
    ///     one the app bootstrapped (read now, not per request).
    ///   - labelPrefix: The start of every label. Default `sealed_cookie`, as in
    ///     `sealed_cookie_sessions_opened_total`.
    public init(factory: any MetricsFactory = MetricsSystem.factory, labelPrefix: String = "sealed_cookie") {
        self.factory = factory
        self.labelPrefix = labelPrefix
    }

    /// Records nothing, whatever the app bootstrapped.
    public static var disabled: SessionMetrics { SessionMetrics(factory: NOOPMetricsHandler.instance) }

    func counter(_ name: String, _ dimensions: [(String, String)] = []) -> Counter {
        Counter(label: "\(labelPrefix)_\(name)", dimensions: dimensions, factory: factory)
    }

    func recorder(_ name: String) -> Recorder {
        Recorder(label: "\(labelPrefix)_\(name)", dimensions: [], aggregate: true, factory: factory)
    }

    func timer(_ name: String) -> CoreMetrics.Timer {
        CoreMetrics.Timer(label: "\(labelPrefix)_\(name)", dimensions: [], factory: factory)
    }
}

/// Why a session cookie or token did not give the request a session: the `reason` dimension of
/// `sessions_refused_total`, a fixed set so that the metric stays low in cardinality.
package enum SessionRefusal: String, CaseIterable, Sendable {
    case expired
    case tooOld = "too_old"
    case notYetValid = "not_yet_valid"
    case authenticationFailed = "authentication_failed"
    case unknownKey = "unknown_key"
    case unknownDictionary = "unknown_dictionary"
    case deserializationFailed = "deserialization_failed"
    /// Anything else the client sent that is not a sealed session: bad encoding, too large,
    /// missing chunks, an unknown format version, a bad payload.
    case malformed
    /// Two cookies that opened to different sessions (cookie tossing).
    case conflict
    case revoked
    /// The revocation check could not tell.
    case storeUnavailable = "store_unavailable"

    package init(_ error: SessionCodecError) {
        switch error {
        case .expired: self = .expired
        case .sessionTooOld: self = .tooOld
        case .notYetValid: self = .notYetValid
        case .authenticationFailed: self = .authenticationFailed
        case .unknownKeyID: self = .unknownKey
        case .unknownDictionaryID: self = .unknownDictionary
        case .deserializationFailed: self = .deserializationFailed
        default: self = .malformed
        }
    }

    package init(_ error: SessionCookieError) {
        switch error {
        case .unreadable(let error, _), .codec(let error): self.init(error)
        case .conflictingSessions: self = .conflict
        default: self = .malformed
        }
    }
}

/// The request flow's metrics, made once per ``SessionRequestFlow`` from a ``SessionMetrics``:
/// recording is then a counter increment, with no lookup or allocation per request.
package struct SessionFlowMetrics: Sendable {
    private let opened: Counter
    private let refused: [SessionRefusal: Counter]
    /// Indexed by key id (0–15): one counter per key of the ring, made up front so that a key no
    /// value uses shows as zero rather than missing.
    private let byKey: [Counter?]
    /// Indexed by dictionary id (0–255), for the application's dictionaries of the ring.
    private let byDictionary: [Counter?]
    /// Indexed by built-in dictionary id, for every built-in dictionary (every codec opens them).
    private let byBuiltInDictionary: [Counter?]
    private let fromCache: Counter
    private let resealsByRotation: Counter
    private let resealsByRenewal: Counter
    private let resealsByChange: Counter
    private let setCookieBytes: Recorder
    private let nearBudget: Counter

    /// The share of the budget from which a session counts as near it.
    package static let nearBudgetShare = 0.9

    package init(_ metrics: SessionMetrics, keyIDs: [UInt8], dictionaryIDs: [UInt8]) {
        opened = metrics.counter("sessions_opened_total")
        refused = Dictionary(
            uniqueKeysWithValues: SessionRefusal.allCases.map {
                ($0, metrics.counter("sessions_refused_total", [("reason", $0.rawValue)]))
            })
        var byKey = [Counter?](repeating: nil, count: 16)
        for id in Set(keyIDs) where id < 16 {
            byKey[Int(id)] = metrics.counter("values_opened_by_key_total", [("key_id", "\(id)")])
        }
        self.byKey = byKey
        var byDictionary = [Counter?](repeating: nil, count: 256)
        for id in Set(dictionaryIDs) {
            byDictionary[Int(id)] = metrics.counter(
                "values_opened_by_dictionary_total", [("dictionary_id", "\(id)")])
        }
        self.byDictionary = byDictionary
        var byBuiltInDictionary = [Counter?](repeating: nil, count: 256)
        for dictionary in SessionDictionary.builtIn {
            byBuiltInDictionary[Int(dictionary.id)] = metrics.counter(
                "values_opened_by_dictionary_total", [("dictionary_id", dictionary.label)])
        }
        self.byBuiltInDictionary = byBuiltInDictionary
        fromCache = metrics.counter("values_opened_from_cache_total")
        resealsByRotation = metrics.counter("reseals_total", [("cause", "rotation")])
        resealsByRenewal = metrics.counter("reseals_total", [("cause", "renewal")])
        resealsByChange = metrics.counter("reseals_total", [("cause", "change")])
        setCookieBytes = metrics.recorder("set_cookie_bytes")
        nearBudget = metrics.counter("sessions_near_budget_total")
    }

    /// A value that opened and authenticated, under its key and dictionary, and whether the
    /// codec's cache of opened values gave it.
    func recordOpened(_ header: EnvelopeHeader, isFromCache: Bool) {
        if isFromCache { fromCache.increment() }
        byKey[Int(header.keyID & 0x0F)]?.increment()
        switch header.compression {
        case .zstd(let id): byDictionary[Int(id)]?.increment()
        case .zstdBuiltIn(let id): byBuiltInDictionary[Int(id)]?.increment()
        case .none, .deflate: break
        }
    }

    /// A session handed to the handler.
    func recordLoaded() { opened.increment() }

    func recordRefused(_ refusal: SessionRefusal) { refused[refusal]?.increment() }

    /// A session sealed again; a new one (`created`) is not a re-seal.
    func recordSealed<Session>(_ reason: SessionOutcome<Session>.Reason) {
        switch reason {
        case .created: break
        case .changed: resealsByChange.increment()
        case .rotated: resealsByRotation.increment()
        case .renewed: resealsByRenewal.increment()
        }
    }

    /// The session cookies of a response: their `Set-Cookie` bytes, and whether they use most
    /// of the budget.
    func recordCookies(byteCount: Int, budgetShare: Double) {
        setCookieBytes.record(byteCount)
        if budgetShare >= Self.nearBudgetShare { nearBudget.increment() }
    }
}
