public import Foundation
import SealedCookie

/// A clock the test moves by hand.
public final class TestClock: Sendable {
    /// 2026-01-01T00:00:00Z.
    public static let start = Date(timeIntervalSince1970: 1_767_225_600)

    private let current = Locked(TestClock.start)

    /// A clock at ``start``.
    public init() {}

    /// The current time.
    public var now: Date { current.withLock { $0 } }

    /// Moves the clock forward by `seconds`.
    public func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }

    /// The clock as the codec and the revocation list take it.
    public var source: @Sendable () -> Date { { [self] in now } }
}
