public import Foundation

/// Everything a ``SessionCodec`` needs besides the serializer.
///
/// Every node of a cluster that shares sessions needs the same `cookieName`, `purpose` and key
/// ring (the same keys under the same ids), and should agree on the limits.
public struct SessionCodecConfiguration: Sendable {
    /// Whether and how the serialized session is compressed.
    public enum Compression: Sendable, Equatable {
        /// Never compress.
        case disabled
        /// Raw deflate at zlib `level` (1...9) for sessions of at least `minimumSize` bytes, kept
        /// only when the result is smaller.
        case whenSmaller(minimumSize: Int, level: Int)

        /// Deflate level 6 from 64 bytes on.
        public static let `default` = Compression.whenSmaller(minimumSize: 64, level: 6)
    }

    /// The cookie's name. It is bound into the authenticated data, so a value sealed for one
    /// cookie is rejected under another.
    public var cookieName: String
    /// What the value is for, bound into the authenticated data like the name, so applications
    /// that share keys cannot accept each other's values. Default `"session"`.
    public var purpose: String
    /// The keys: the primary seals, all open.
    public var keyRing: KeyRing
    /// How long a sealed value stays valid, in whole minutes from 1 minute to 400 days.
    /// Default 1 day.
    public var lifetime: Duration
    /// How far node clocks may disagree: a value is accepted from `skew` before its issue time
    /// until `skew` after its expiry. From 0 to 1 hour; default 60 seconds.
    public var clockSkew: Duration
    /// Compression; default ``Compression/default``.
    public var compression: Compression
    /// When set, the payload is padded to a multiple of this many bytes (1...1024) before
    /// encryption, hiding its exact length. Default nil. See README, "Length side channel".
    public var paddingBlockSize: Int?
    /// The most bytes a compressed session may inflate to, and so the largest session that can
    /// be sealed. Default 64 KiB.
    public var maxDecompressedBytes: Int
    /// The longest sealed value (characters) accepted by `open` and produced by `seal`; longer
    /// input is rejected before any decoding. Default 8192, the request-header line limit of
    /// nginx and Apache.
    public var maxValueLength: Int
    /// The time source; inject a fixed clock in tests.
    public var clock: @Sendable () -> Date

    /// Makes a configuration; only the cookie name and the key ring have no default.
    public init(
        cookieName: String,
        keyRing: KeyRing,
        purpose: String = "session",
        lifetime: Duration = .seconds(24 * 60 * 60),
        clockSkew: Duration = .seconds(60),
        compression: Compression = .default,
        paddingBlockSize: Int? = nil,
        maxDecompressedBytes: Int = 64 * 1024,
        maxValueLength: Int = 8192,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.cookieName = cookieName
        self.keyRing = keyRing
        self.purpose = purpose
        self.lifetime = lifetime
        self.clockSkew = clockSkew
        self.compression = compression
        self.paddingBlockSize = paddingBlockSize
        self.maxDecompressedBytes = maxDecompressedBytes
        self.maxValueLength = maxValueLength
        self.clock = clock
    }
}
