#if PostgreSQL
import Glibc

/// Work of a chosen size for the load test's calibration route (`/load/burn?us=N`): what N µs
/// of computation per request cost a node under load, whatever computes them.
enum CPUBurn {
    /// Computes until the calling thread has used `microseconds` of CPU time (its own clock, so
    /// time spent preempted does not count).
    static func run(microseconds: Int) {
        guard microseconds > 0 else { return }
        let start = threadTime()
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        while threadTime() - start < UInt64(microseconds) * 1000 {
            for _ in 0..<64 { state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407 }
        }
        // Uses the result, so that the optimizer keeps the loop.
        if state == 0 { print("CPUBurn reached zero") }
    }

    /// The calling thread's CPU time, in nanoseconds.
    private static func threadTime() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
#endif
