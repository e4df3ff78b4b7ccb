/// A small free list of reusable native streams (zlib `z_stream`s), so each call skips the
/// costly `deflateInit2`/`inflateInit2` and the allocation of zlib's window and tables.
///
/// A stream is handed to one caller at a time; up to `capacity` idle streams are kept, and a
/// caller that finds none idle makes a new one, so callers never wait on each other.
final class StreamPool<Stream: AnyObject>: Sendable {
    private let idle: Locked<[UnsafeTransfer<Stream>]>
    private let capacity: Int
    private let make: @Sendable () -> Stream?

    init(capacity: Int, make: @escaping @Sendable () -> Stream?) {
        self.idle = Locked([])
        self.capacity = capacity
        self.make = make
    }

    /// Runs `body` with an idle stream, or returns nil when no stream could be made.
    func withStream<R>(_ body: (Stream) throws -> R) rethrows -> R? {
        let taken = idle.withLock { $0.popLast() }
        guard let stream = taken?.value ?? make() else { return nil }
        defer {
            idle.withLock { streams in
                if streams.count < capacity { streams.append(UnsafeTransfer(stream)) }
            }
        }
        return try body(stream)
    }
}

/// Moves a non-Sendable stream between threads; sound because the pool gives each stream to
/// one caller at a time and keeps no other reference while it is out.
struct UnsafeTransfer<Value: AnyObject>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
