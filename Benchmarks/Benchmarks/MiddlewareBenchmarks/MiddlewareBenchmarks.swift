import Benchmark
import Hummingbird
import SealedCookie
import Synchronization

/// The Hummingbird middleware's per-request path, in-process (router and middleware, no
/// sockets, no HTTP parsing), with the ~1 KB sample session and the recommended configuration:
/// the route without the middleware (the floor); a read-only request (opens, no `Set-Cookie`);
/// a request that changes the session (opens and re-seals); each with metrics off and with an
/// in-memory metrics backend, so that the difference is what the metrics cost per request.
/// Read-only requests carry a value the node opened before, as a browser re-sends its cookie
/// (a hit in the codec's cache of opened values), and once more with no cache ("uncached", a
/// node that never saw the value); requests that change the session use no cache, since a
/// browser then sends the value the last response set, which no node opened yet.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        timeUnits: .nanoseconds,
        warmupIterations: 100,
        maxDuration: .seconds(2),
        maxIterations: 100_000
    )
    Benchmark.setup = {
        let cookie = try await BenchmarkApp.sealedSessionCookie()
        sessionCookie.withLock { $0 = cookie }
    }

    let bare = BenchmarkApp.responder(metrics: nil)
    routeBenchmark("middleware bare route", bare, path: "/read", setsCookie: false)
    let backend = InMemoryMetricsFactory()
    for (route, path, setsCookie, cached) in [("read-only", "/read", false, true), ("change", "/change", true, false)] {
        let metricsOff = BenchmarkApp.responder(metrics: .disabled, cached: cached)
        let metricsOn = BenchmarkApp.responder(metrics: SessionMetrics(factory: backend), cached: cached)
        routeBenchmark("middleware \(route) metrics-off", metricsOff, path: path, setsCookie: setsCookie)
        routeBenchmark("middleware \(route) metrics-on", metricsOn, path: path, setsCookie: setsCookie) {
            guard let opened = backend.count(of: "sealed_cookie_sessions_opened_total"), opened > 0 else {
                preconditionFailure("the in-memory backend recorded no session opened")
            }
        }
    }
    routeBenchmark(
        "middleware read-only uncached", BenchmarkApp.responder(metrics: .disabled, cached: false), path: "/read",
        setsCookie: false)
}

/// `name=value` of the session cookie the requests carry, sealed by the middleware in `setup`.
let sessionCookie = Mutex("")

/// One request to `path` per iteration, with the session cookie. Before measuring, one request
/// checks that the response is what the route promises (`Set-Cookie` or none), then `check`.
func routeBenchmark(
    _ name: String,
    _ responder: RouterResponder<BenchmarkContext>,
    path: String,
    setsCookie: Bool,
    check: @escaping @Sendable () -> Void = {}
) {
    Benchmark(
        name,
        closure: { benchmark in
            let request = BenchmarkApp.request(path: path, sessionCookie: sessionCookie.withLock { $0 })
            // The request stands for what the server parsed: not part of the measurement.
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                blackHole(try await BenchmarkApp.respond(responder, to: request))
            }
        },
        setup: {
            let request = BenchmarkApp.request(path: path, sessionCookie: sessionCookie.withLock { $0 })
            let response = try await BenchmarkApp.respond(responder, to: request)
            let cookies = response.headers[values: .setCookie]
            guard response.status == .ok, cookies.count == (setsCookie ? 1 : 0) else {
                preconditionFailure("\(name): status \(response.status), Set-Cookie \(cookies)")
            }
            check()
        })
}
