#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A value guarded by a `pthread_mutex_t`, with the call shape of `Synchronization.Mutex`.
///
/// It exists so that ThreadSanitizer can check the package (issue 19). `Mutex` takes its lock
/// with atomics and a futex inside the prebuilt standard library, which is not instrumented,
/// so under `--sanitize=thread` TSan sees no ordering between two `withLock` bodies and reports
/// every guarded access as a data race; a report lands in our code, where a suppression would
/// also hide real races. TSan intercepts `pthread_mutex_lock`/`unlock` and so sees this lock.
/// The mutex lives on the heap because a `pthread_mutex_t` must not move once initialised.
///
/// Package-wide, so every target (tests included) guards shared state the same way.
package final class Locked<State: ~Copyable>: @unchecked Sendable {
    // @unchecked: `state` is only touched inside `withLock`, while `mutex` is held, and it only
    // enters or leaves in a region of its own (`sending`), as with `Mutex`.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var state: State

    package init(_ initial: consuming sending State) {
        state = initial
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        let status = pthread_mutex_init(mutex, nil)
        precondition(status == 0, "pthread_mutex_init failed: \(status)")
    }

    deinit {
        let status = pthread_mutex_destroy(mutex)
        assert(status == 0, "pthread_mutex_destroy failed: \(status)")
        mutex.deinitialize(count: 1)
        mutex.deallocate()
    }

    /// Runs `body` with exclusive access to the state, and returns its result.
    package func withLock<R: ~Copyable, E: Error>(
        _ body: (inout sending State) throws(E) -> sending R
    ) throws(E) -> sending R {
        let locked = pthread_mutex_lock(mutex)
        precondition(locked == 0, "pthread_mutex_lock failed: \(locked)")
        defer {
            let unlocked = pthread_mutex_unlock(mutex)
            precondition(unlocked == 0, "pthread_mutex_unlock failed: \(unlocked)")
        }
        return try body(&state)
    }
}
