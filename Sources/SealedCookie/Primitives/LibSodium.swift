import CSodium

/// Process-wide libsodium initialisation, done once and lazily.
enum LibSodium {
    /// Whether `sodium_init()` succeeded (it returns 0 the first time, 1 when already done).
    static let isReady: Bool = sodium_init() >= 0
}
