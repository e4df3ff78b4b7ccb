public import Foundation

/// Everything a ``SessionCodec`` needs besides the serializer.
///
/// Every node of a cluster that shares sessions needs the same `cookieName`, `purpose`, key
/// ring (the same keys under the same ids) and dictionaries, and should agree on the limits.
public struct SessionCodecConfiguration: Sendable {
    /// Whether and how the session's body is compressed. Every codec opens values of every
    /// kind it knows the dictionary for, whatever it seals with.
    public enum Compression: Sendable {
        /// Never compress.
        case disabled
        /// Raw deflate at zlib `level` (1...9) for sessions of at least `minimumSize` bytes, kept
        /// only when the result is smaller.
        case deflate(minimumSize: Int, level: Int)
        /// zstd at `level` (1...19) with the ring's dictionary active at each seal (staged ones
        /// only decompress until their activation time), kept only when the result is smaller;
        /// every dictionary of the ring decompresses, and every built-in one. With a dictionary
        /// trained on the app's sessions, about a third of deflate's size on session-shaped JSON,
        /// and several times faster.
        case zstd(dictionaries: SessionDictionaryRing, level: Int = 3)

        /// zstd level 3 with ``SessionDictionary/generic``, the library's dictionary for sessions
        /// of any shape: smaller than deflate on shapes it never saw, and faster
        /// (docs/benchmarks.md). Before this was the default, deflate was
        /// (`.deflate(minimumSize: 64, level: 6)`): nodes of an older version cannot open values
        /// compressed with a built-in dictionary, so pin that while a cluster still runs one
        /// (<doc:Dictionaries>, "Upgrading a cluster whose default was deflate").
        public static let `default` = Compression.zstd(dictionaries: .generic, level: 3)
    }

    /// How the plaintext is padded before encryption, to blur its length.
    public enum Padding: Sendable, Equatable {
        /// No padding.
        case none
        /// Up to the next multiple of this many bytes (1...1024); at least one byte is added.
        case block(Int)
        /// Up to the next size class: 32 bytes, then powers of two and one and a half times
        /// powers of two (32, 48, 64, 96, 128, 192, …), so at most a third is added and a
        /// length reveals only which class it is in.
        case sizeClasses
    }

    /// The cookie's name. It is bound into the authenticated data, so a value sealed for one
    /// cookie is rejected under another.
    public var cookieName: String
    /// What the value is for, bound into the authenticated data like the name, so applications
    /// that share keys cannot accept each other's values. Default `"session"`.
    public var purpose: String
    /// The keys: all open; the one active at the time ``SessionCodecConfiguration/clock`` reads
    /// seals (``KeyRing/sealingKey(at:)``), so a staged key takes over on every node at its
    /// activation time.
    public var keyRing: KeyRing
    /// How long a sealed value stays valid, in whole minutes from 1 minute to 400 days.
    /// Default 1 day.
    public var lifetime: Duration
    /// The longest a session may last from its first seal, however often it is renewed (an
    /// absolute timeout), in whole seconds from 1 minute to 400 days; nil (the default) for no
    /// limit. Every value carries its session's start to the second, and `open` refuses it from
    /// exactly `start + maxSessionAge + clockSkew` on, whatever renewals, changes and rotations
    /// came in between.
    public var maxSessionAge: Duration?
    /// How far node clocks may disagree: a value is accepted from `skew` before its issue time
    /// until `skew` after its expiry. From 0 to 1 hour; default 60 seconds.
    public var clockSkew: Duration
    /// Compression; default ``Compression/default``.
    public var compression: Compression
    /// Padding of the plaintext before encryption; default ``Padding/none``. See <doc:Security>,
    /// "Length side channel", and ``SessionSecret``.
    public var padding: Padding
    /// The most bytes a session may serialize (or a compressed one decompress) to, and so the
    /// largest session that can be sealed. Default 64 KiB.
    public var maxDecompressedBytes: Int
    /// The longest sealed value (characters) accepted by `open` and produced by `seal`; longer
    /// input is rejected before any decoding. Default 8192, the request-header line limit of
    /// nginx and Apache.
    public var maxValueLength: Int
    /// The time source: expiry, and which staged key and dictionary seal. Inject a fixed clock
    /// in tests.
    public var clock: @Sendable () -> Date
    /// How many of the values it opened last the codec keeps with their sessions, from 0 (none)
    /// to 65536; default 1024. A browser sends the same cookie until its session changes, so
    /// opening it again is usually a lookup: no decryption, decompression or deserialization,
    /// while expiry, the maximum age and re-sealing are still decided on every open. A hit gives
    /// what the deserializer returned the first time, so a session type whose decoding has side
    /// effects or differs from call to call should set 0. Each entry holds the value and its
    /// session in memory (the sessions' ``SessionSecret``s stay in guarded memory); docs/performance.md
    /// has what it saves.
    public var openedValueCacheCapacity = 1024

    /// Makes a configuration; only the cookie name and the key ring have no default.
    public init(
        cookieName: String,
        keyRing: KeyRing,
        purpose: String = "session",
        lifetime: Duration = .seconds(24 * 60 * 60),
        maxSessionAge: Duration? = nil,
        clockSkew: Duration = .seconds(60),
        compression: Compression = .default,
        padding: Padding = .none,
        maxDecompressedBytes: Int = 64 * 1024,
        maxValueLength: Int = 8192,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.cookieName = cookieName
        self.keyRing = keyRing
        self.purpose = purpose
        self.lifetime = lifetime
        self.maxSessionAge = maxSessionAge
        self.clockSkew = clockSkew
        self.compression = compression
        self.padding = padding
        self.maxDecompressedBytes = maxDecompressedBytes
        self.maxValueLength = maxValueLength
        self.clock = clock
    }
}
