import ArgumentParser
import Foundation
import SealedCookie

/// What binds a value to its cookie: the name and the purpose. Both must match between encode
/// and decode.
struct BindingOptions: ParsableArguments {
    @Option(name: .customLong("cookie-name"), help: "The cookie's name, bound into the authenticated data.")
    var cookieName = "session"

    @Option(help: "The purpose string, bound into the authenticated data (must match the application's).")
    var purpose = "session"

    @Option(
        help: ArgumentHelp(
            "Pretend the clock reads this time, in Unix seconds (to reproduce or test expiry).", valueName: "seconds"))
    var now: Int?

    /// The clock the codec reads.
    var clock: @Sendable () -> Date {
        guard let now else { return { Date() } }
        let fixed = Date(timeIntervalSince1970: TimeInterval(now))
        return { fixed }
    }
}

/// How a session is sealed: lifetime, compression and padding.
struct SealingOptions: ParsableArguments {
    @Option(help: ArgumentHelp("How long the session stays valid: minutes, or 90m, 12h, 30d (1 minute to 400 days).", valueName: "lifetime"))
    var lifetime = Lifetime(minutes: 24 * 60)

    @Flag(name: .customLong("no-compression"), help: "Never compress (default: raw deflate when it makes the value smaller).")
    var compressionDisabled = false

    @Option(name: .customLong("compression-level"), help: "The zlib level, 1 (fastest) to 9 (smallest).")
    var compressionLevel = 6

    @Option(help: ArgumentHelp("Pad the payload to a multiple of this many bytes (1-1024), hiding its exact length.", valueName: "bytes"))
    var padding: Int?

    func validate() throws {
        guard (1...9).contains(compressionLevel) else { throw ValidationError("--compression-level must be from 1 to 9.") }
        if let padding, !(1...1024).contains(padding) { throw ValidationError("--padding must be from 1 to 1024.") }
    }

    var compression: SessionCodecConfiguration.Compression {
        compressionDisabled ? .disabled : .deflate(minimumSize: 64, level: compressionLevel)
    }
}

/// A codec that seals JSON documents byte for byte.
enum DocumentCodec {
    /// The codec's own bound on a value, its largest: the cookie layer's budgets and Cookie header
    /// limits are what bound the values the tool writes and reads, chunked ones included.
    static let maxValueLength = 1 << 20

    static func make(
        keyRing: KeyRing, cookieName: String, purpose: String = "session",
        clock: @escaping @Sendable () -> Date = { Date() }, sealing: SealingOptions? = nil
    ) throws(ToolError) -> SessionCodec<[UInt8]> {
        let configuration = SessionCodecConfiguration(
            cookieName: cookieName, keyRing: keyRing, purpose: purpose,
            lifetime: sealing?.lifetime.duration ?? .seconds(24 * 60 * 60),
            compression: sealing?.compression ?? .default, padding: sealing?.padding.map { .block($0) } ?? .none,
            maxDecompressedBytes: InputSource.maxByteCount, maxValueLength: maxValueLength, clock: clock)
        do {
            return try SessionCodec(configuration: configuration, serializer: BytesSerializer())
        } catch {
            throw ToolError("\(error)")
        }
    }
}
