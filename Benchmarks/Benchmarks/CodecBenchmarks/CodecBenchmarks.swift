import Benchmark
import Foundation
import SealedCookie

/// Seal and open for each sample size with compression on and off, and in the same run the
/// floor (libsodium AEAD + libsodium base64url alone over the same serialized bytes).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        timeUnits: .microseconds,
        warmupIterations: 100,
        maxDuration: .seconds(1),
        maxIterations: 100_000
    )

    for size in Corpus.sizes {
        let session = Corpus.session(size)
        for compressed in [true, false] {
            let codec = Fixtures.codec(compressed: compressed)
            let label = compressed ? "compressed" : "uncompressed"
            Benchmark("seal \(size) \(label)") { benchmark in
                for _ in benchmark.scaledIterations {
                    blackHole(try codec.seal(session))
                }
            }
            let value = Fixtures.seal(session, with: codec)
            Benchmark("open \(size) \(label)") { benchmark in
                for _ in benchmark.scaledIterations {
                    blackHole(try codec.open(value))
                }
            }
        }

        let floor = Floor()
        let serialized = Fixtures.serialized(session)
        Benchmark("floor seal \(size)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(floor.seal(serialized))
            }
        }
        let floorValue = floor.seal(serialized)
        Benchmark("floor open \(size)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(floor.open(floorValue))
            }
        }
    }
}
