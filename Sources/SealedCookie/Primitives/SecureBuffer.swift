import CSodium

/// A fixed-size secret held in libsodium's guarded heap (`sodium_malloc`): guard pages around
/// it, locked out of swap, read-only after it is filled, and zeroed by `sodium_free` on release.
final class SecureBuffer: @unchecked Sendable {
    // @unchecked: the memory is written once inside `init` and read-only afterwards.
    private let pointer: UnsafeMutableRawPointer
    let count: Int

    /// Allocates `count` bytes and lets `fill` write them; returns nil when libsodium cannot
    /// allocate or `fill` reports failure (the memory is zeroed and freed in both cases).
    init?(count: Int, fill: (UnsafeMutableRawBufferPointer) -> Bool) {
        guard LibSodium.isReady, count > 0, let memory = sodium_malloc(count) else { return nil }
        // Fill before the stored properties are set: failing after that would run `deinit`,
        // which frees the memory a second time.
        guard fill(UnsafeMutableRawBufferPointer(start: memory, count: count)) else {
            sodium_free(memory)
            return nil
        }
        pointer = memory
        self.count = count
        sodium_mprotect_readonly(memory)
    }

    deinit {
        sodium_mprotect_readwrite(pointer)
        sodium_free(pointer)
    }

    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: pointer, count: count))
    }

    /// Constant-time equality (`sodium_memcmp`).
    func constantTimeEquals(_ other: SecureBuffer) -> Bool {
        guard count == other.count else { return false }
        return sodium_memcmp(pointer, other.pointer, count) == 0
    }
}
