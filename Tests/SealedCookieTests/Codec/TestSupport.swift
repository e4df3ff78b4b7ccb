import Foundation
@testable import SealedCookie

/// Shared fixtures for the codec tests.
enum Fixture {
    /// The corpus samples shipped in Resources/corpus, compact JSON bytes.
    static let corpusNames = ["tiny", "small", "medium", "large"]

    static func corpus(_ name: String) throws -> [UInt8] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Resources/corpus")
        else { throw FixtureError.missing(name) }
        return Array(try Data(contentsOf: url))
    }

    /// A key whose 32 bytes are 0x00, 0x01, … 0x1F (the SPEC.md test-vector key).
    static func sequentialKey(id: Int = 1) throws -> SessionKey {
        try SessionKey(id: id, bytes: (0..<32).map { UInt8($0) })
    }

    /// A fixed clock.
    static func clock(_ seconds: TimeInterval) -> @Sendable () -> Date {
        { Date(timeIntervalSince1970: seconds) }
    }

    /// 2026-11-24T00:00:00Z, the issue time used by the tests.
    static let now: TimeInterval = 1_795_478_400

    /// A byte codec over `ring` with the given options, at a fixed time.
    static func bytesCodec(
        ring: KeyRing, name: String = "session", purpose: String = "session",
        compression: SessionCodecConfiguration.Compression = .default, padding: Int? = nil,
        lifetime: Duration = .seconds(3600), skew: Duration = .seconds(60),
        maxDecompressedBytes: Int = 64 * 1024, at time: TimeInterval = now
    ) throws -> SessionCodec<[UInt8]> {
        try SessionCodec(
            configuration: SessionCodecConfiguration(
                cookieName: name, keyRing: ring, purpose: purpose, lifetime: lifetime, clockSkew: skew,
                compression: compression, paddingBlockSize: padding, maxDecompressedBytes: maxDecompressedBytes,
                clock: clock(time)),
            serializer: BytesSerializer())
    }

    /// A nonce of 0x00, 0x01, … 0x17 for known-answer vectors.
    static let sequentialNonce: @Sendable (UnsafeMutableRawBufferPointer) -> Void = { buffer in
        for index in buffer.indices { buffer[index] = UInt8(index) }
    }

    enum FixtureError: Error { case missing(String) }
}

/// Runs `body` and returns the codec error it threw, or nil when it threw none.
func codecError<T>(_ body: () throws -> T) -> SessionCodecError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error as? SessionCodecError
    }
}
