import CoreMetrics
import Synchronization

/// A metrics backend that keeps everything in memory, as a Prometheus client does between two
/// scrapes: counters are atomics, recorders and timers are histograms updated under a lock
/// (swift-prometheus 2 does the same). swift-prometheus itself cannot be fetched in the offline
/// build, so this stands in for it; the handlers are made once, with the configuration, so only
/// their recording is on the per-request path.
final class InMemoryMetricsFactory: MetricsFactory {
    private let counters = Mutex<[String: InMemoryCounter]>([:])

    /// The count recorded under `label` and `dimensions`, or nil if no such counter was made.
    func count(of label: String, _ dimensions: [(String, String)] = []) -> Int64? {
        counters.withLock { $0[Self.key(label, dimensions)] }?.value
    }

    func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler {
        counters.withLock { counters in
            let key = Self.key(label, dimensions)
            if let counter = counters[key] { return counter }
            let counter = InMemoryCounter()
            counters[key] = counter
            return counter
        }
    }

    func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler {
        InMemoryHistogram()
    }

    func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler {
        InMemoryHistogram()
    }

    func destroyCounter(_ handler: any CounterHandler) {}
    func destroyRecorder(_ handler: any RecorderHandler) {}
    func destroyTimer(_ handler: any TimerHandler) {}

    private static func key(_ label: String, _ dimensions: [(String, String)]) -> String {
        ([label] + dimensions.map { "\($0.0)=\($0.1)" }).joined(separator: ",")
    }
}

final class InMemoryCounter: CounterHandler {
    private let count = Atomic<Int64>(0)

    var value: Int64 { count.load(ordering: .relaxed) }

    func increment(by amount: Int64) {
        count.wrappingAdd(amount, ordering: .relaxed)
    }

    func reset() {
        count.store(0, ordering: .relaxed)
    }
}

/// A Prometheus-style histogram: a count per upper bound, the sum and the total count.
final class InMemoryHistogram: RecorderHandler, TimerHandler {
    private struct State {
        var counts: [Int64]
        var sum = 0.0
        var total: Int64 = 0
    }

    /// Prometheus' default buckets, scaled to cover cookie sizes in bytes and latencies in
    /// nanoseconds alike.
    private static let upperBounds: [Double] = [
        64, 128, 256, 512, 1024, 2048, 4096, 8192, 16_384, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
    ]
    private let state = Mutex(State(counts: [Int64](repeating: 0, count: upperBounds.count + 1)))

    func record(_ value: Int64) {
        record(Double(value))
    }

    func record(_ value: Double) {
        let bucket = Self.upperBounds.firstIndex { value <= $0 } ?? Self.upperBounds.count
        state.withLock {
            $0.counts[bucket] += 1
            $0.sum += value
            $0.total += 1
        }
    }

    func recordNanoseconds(_ duration: Int64) {
        record(Double(duration))
    }
}
