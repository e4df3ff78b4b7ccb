import Foundation
import SealedCookie

/// A codec that seals the library's JSON of documents (``JSONDocument``) byte for byte, their
/// secret fields, if any, apart.
enum DocumentCodec {
    /// What the codec seals with; a codec that only opens needs just the dictionary and the
    /// secret fields.
    struct Settings {
        /// Nil: the library's default.
        var lifetime: Duration?
        var compression: SessionCodecConfiguration.Compression = .default
        var padding: SessionCodecConfiguration.Padding = .none
        var secretFields: [String] = []

        /// For opening: every codec opens deflate and built-in dictionaries' values; zstd values
        /// with an application dictionary open when it is given.
        static func opening(dictionaries: SessionDictionaryRing?, secretFields: [String]) -> Settings {
            Settings(compression: dictionaries.map { .zstd(dictionaries: $0) } ?? .default, secretFields: secretFields)
        }
    }

    static func make(
        keyRing: KeyRing, cookieName: String, purpose: String = "session",
        clock: @escaping @Sendable () -> Date = { Date() }, settings: Settings, limits: LimitOptions
    ) throws(ToolError) -> SessionCodec<[UInt8]> {
        var configuration = SessionCodecConfiguration(
            cookieName: cookieName, keyRing: keyRing, purpose: purpose, compression: settings.compression,
            padding: settings.padding, clock: clock)
        if let lifetime = settings.lifetime { configuration.lifetime = lifetime }
        limits.apply(to: &configuration)
        do {
            return try SessionCodec(
                configuration: configuration, serializer: SecretFieldSerializer(fields: settings.secretFields))
        } catch {
            throw ToolError("\(error)")
        }
    }
}
