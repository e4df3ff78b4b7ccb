#if PostgreSQL
import Glibc

/// Burns CPU time of the calling thread.
enum CPUBurn {
    static func run(microseconds: Int) {
        guard microseconds > 0 else { return }
        let start = threadTime()
        var sink: UInt64 = 0x9E37_79B9_7F4A_7C15
        while threadTime() - start < UInt64(microseconds) * 1000 {
            for _ in 0..<64 { sink = sink &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407 }
        }
        if sink == 42 { print(sink) }
    }

    private static func threadTime() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
#endif
