/// Waits for a task's result, or for a deadline, whichever comes first, without waiting for a
/// task that ignores cancellation: a hung store must not hang the request that asked it.
/// (A task group would wait for every child before returning, so it cannot abandon one.)
enum Deadline {
    /// The result of `task`, or a ``SessionRevocationError/timedOut(after:)`` once `timeout` has passed. The
    /// task itself is left running; the caller decides whether to cancel it.
    static func result<Value: Sendable>(of task: Task<Value, any Error>, within timeout: Duration) async
        -> Result<Value, any Error>
    {
        await withCheckedContinuation { continuation in
            let once = Once(continuation)
            let timer = Task {
                // Cancelled means the result came first: a timer that resumed anyway could win
                // the race against that result and report a timeout for a store that answered.
                do { try await Task.sleep(for: timeout) } catch { return }
                once.resume(with: .failure(SessionRevocationError.timedOut(after: timeout)))
            }
            Task {
                let result = await task.result
                // Resume before cancelling, so the result has won before the timer wakes.
                once.resume(with: result)
                timer.cancel()
            }
        }
    }

    /// A continuation that the first of two racers resumes; the second is ignored.
    private final class Once<Value: Sendable>: Sendable {
        private let continuation: Locked<CheckedContinuation<Result<Value, any Error>, Never>?>

        init(_ continuation: CheckedContinuation<Result<Value, any Error>, Never>) {
            self.continuation = Locked(continuation)
        }

        func resume(with result: Result<Value, any Error>) {
            continuation.withLock { $0.take() }?.resume(returning: result)
        }
    }
}
