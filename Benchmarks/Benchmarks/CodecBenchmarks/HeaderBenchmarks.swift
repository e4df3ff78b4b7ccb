import Benchmark
import SealedCookie

/// The full header round trip, deflate (the default) and zstd with the sample dictionary, as a
/// web framework calls it: `setCookieHeaders`
/// (seal, attributes, budget checks, and the request's Cookie header read for stale chunks) and
/// `session(fromCookieHeaders:)` (parse a realistic Cookie header, find the session cookie,
/// open it).
func headerBenchmarks(_ size: String) {
    let session = Corpus.session(size)
    for mode in [Fixtures.Mode.deflate, .zstd] {
        let cookies = Fixtures.cookies(mode)
        let request = Fixtures.requestCookieHeader(sessionValue: Fixtures.seal(session, with: cookies.codec))
        Benchmark("header encode \(size) \(mode)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(
                    try cookies.setCookieHeaders(
                        for: session, requestHost: Fixtures.requestHost, requestCookieHeaders: [request]))
            }
        }
        Benchmark("header decode \(size) \(mode)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try cookies.session(fromCookieHeaders: [request]))
            }
        }
    }
}
