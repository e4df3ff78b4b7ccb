import ArgumentParser
import SealedCookie

/// The codec's limits. Left alone they are the library's defaults, so the tool opens exactly
/// what a server on default settings opens, and writes only what such a server can open.
struct LimitOptions: ParsableArguments {
    @Option(
        name: .customLong("max-value-length"),
        help: ArgumentHelp(
            "The longest sealed value opened or written, in characters (default: the library's, 8192, "
                + "the request-header line limit of nginx and Apache). Every server must agree.",
            valueName: "characters"))
    var maxValueLength: Int?

    @Option(
        name: .customLong("max-decompressed-bytes"),
        help: ArgumentHelp(
            "The most bytes a session may serialize or decompress to (default: the library's, 65536). "
                + "Every server must agree.",
            valueName: "bytes"))
    var maxDecompressedBytes: Int?

    func validate() throws {
        if let maxValueLength, maxValueLength < 1 { throw ValidationError("--max-value-length must be at least 1.") }
        if let maxDecompressedBytes, maxDecompressedBytes < 1 {
            throw ValidationError("--max-decompressed-bytes must be at least 1.")
        }
    }

    /// Sets the limits that were given; the others keep the library's defaults.
    func apply(to configuration: inout SessionCodecConfiguration) {
        if let maxValueLength { configuration.maxValueLength = maxValueLength }
        if let maxDecompressedBytes { configuration.maxDecompressedBytes = maxDecompressedBytes }
    }
}

extension LimitOptions {
    /// The error's description, and the option that raises the limit when it is one of these.
    static func describe(_ error: any Error) -> String {
        var codecError = error as? SessionCodecError
        if let cookieError = error as? SessionCookieError {
            switch cookieError {
            case .codec(let inner), .unreadable(let inner, _): codecError = inner
            default: break
            }
        }
        switch codecError {
        case .sessionTooLarge, .decompressionLimitExceeded:
            return "\(error) (with this tool: --max-decompressed-bytes, the same as every server's)"
        case .sealedValueTooLarge, .valueTooLarge:
            return "\(error) (with this tool: --max-value-length, the same as every server's)"
        default:
            return "\(error)"
        }
    }
}
