import ArgumentParser
import SealedCookie

/// How a session is sealed: lifetime, compression and padding.
struct SealingOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "How long the session stays valid: minutes, or 90m, 12h, 30d (1 minute to 400 days).", valueName: "lifetime"
        ))
    var lifetime = Lifetime(minutes: 24 * 60)

    @Flag(
        name: .customLong("no-compression"),
        help:
            "Never compress (default, as the library: zstd with the built-in generic dictionary, or with --dictionary, when it makes the value smaller)."
    )
    var compressionDisabled = false

    @Flag(help: "Compress with raw deflate, the library's default before the generic dictionary.")
    var deflate = false

    @Option(
        name: .customLong("compression-level"),
        help: "The zlib level with --deflate, 1 (fastest) to 9 (smallest); default 6.")
    var compressionLevel: Int?

    @Option(name: .customLong("zstd-level"), help: "The zstd level, 1 (fastest) to 19 (smallest).")
    var zstdLevel = 3

    @Option(
        help: ArgumentHelp(
            "Pad the payload to a multiple of this many bytes (1-1024), hiding its exact length.", valueName: "bytes"))
    var padding: Int?

    @Flag(
        name: .customLong("padding-size-classes"),
        help:
            "Pad the payload up to its size class (32, 48, 64, 96, 128, 192 … bytes): at most a third more, and a length tells only the class."
    )
    var paddingSizeClasses = false

    func validate() throws {
        if let compressionLevel {
            guard (1...9).contains(compressionLevel) else {
                throw ValidationError("--compression-level must be from 1 to 9.")
            }
            guard deflate else {
                throw ValidationError("--compression-level is deflate's level: pass --deflate with it.")
            }
        }
        if deflate && compressionDisabled {
            throw ValidationError("Pass either --no-compression or --deflate, not both.")
        }
        guard (1...19).contains(zstdLevel) else { throw ValidationError("--zstd-level must be from 1 to 19.") }
        if let padding, !(1...1024).contains(padding) { throw ValidationError("--padding must be from 1 to 1024.") }
        if padding != nil && paddingSizeClasses {
            throw ValidationError("Pass either --padding or --padding-size-classes, not both.")
        }
    }

    /// Compression off and a dictionary to compress with contradict each other.
    func check(against dictionary: DictionaryOptions) throws {
        if compressionDisabled && dictionary.dictionary != nil {
            throw ValidationError("Pass either --no-compression or --dictionary, not both.")
        }
        if deflate && dictionary.dictionary != nil {
            throw ValidationError("Pass either --deflate or --dictionary, not both.")
        }
    }

    /// The codec settings these options and the dictionary (if any) make.
    func settings(dictionaries: SessionDictionaryRing?, secretFields: [String]) -> DocumentCodec.Settings {
        DocumentCodec.Settings(
            lifetime: lifetime.duration, compression: compression(dictionaries: dictionaries), padding: paddingMode,
            secretFields: secretFields)
    }

    /// zstd with the dictionary when one is given, otherwise with the generic one, as the
    /// library's default; or deflate, or none.
    func compression(dictionaries: SessionDictionaryRing?) -> SessionCodecConfiguration.Compression {
        if compressionDisabled { return .disabled }
        if deflate { return .deflate(minimumSize: 64, level: compressionLevel ?? 6) }
        return .zstd(dictionaries: dictionaries ?? .generic, level: zstdLevel)
    }

    var paddingMode: SessionCodecConfiguration.Padding {
        if paddingSizeClasses { return .sizeClasses }
        return padding.map { .block($0) } ?? .none
    }
}
