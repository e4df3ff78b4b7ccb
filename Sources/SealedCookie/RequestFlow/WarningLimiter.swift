package import Foundation

/// Lets a warning caused by request input through at most once per key per interval, and for
/// at most ``maxKeysPerInterval`` keys per interval, so that no flood of requests (each with
/// another `Host`, say) can fill the log. Memory stays bounded the same way.
package final class WarningLimiter: Sendable {
    /// The most distinct keys warned about in one interval.
    package static let maxKeysPerInterval = 16

    private struct Window {
        var start: Date
        var keys: Set<String> = []
    }

    private let interval: TimeInterval
    private let clock: @Sendable () -> Date
    private let window = Locked<Window?>(nil)

    /// - Parameters:
    ///   - interval: How long a key stays quiet after its warning, in seconds.
    ///   - clock: The time source (the codec's, so that tests can move it).
    package init(interval: TimeInterval = 60, clock: @escaping @Sendable () -> Date) {
        self.interval = interval
        self.clock = clock
    }

    /// Whether to log the warning for `key` now; true at most once per key per interval.
    package func allows(_ key: String) -> Bool {
        let now = clock()
        return window.withLock { window in
            // A new window when the interval has passed, or when the clock went back.
            let isCurrent = { (start: Date) in start <= now && now.timeIntervalSince(start) < self.interval }
            var current = window.flatMap { isCurrent($0.start) ? $0 : nil } ?? Window(start: now)
            defer { window = current }
            guard current.keys.count < Self.maxKeysPerInterval else { return false }
            return current.keys.insert(key).inserted
        }
    }
}
