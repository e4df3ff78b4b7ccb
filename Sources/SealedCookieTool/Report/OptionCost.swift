import SealedCookie

/// What one option adds to a document's cookie value, found by sealing the document once more
/// with every other setting the same.
struct OptionCost: Encodable {
    /// `dictionary`, `padding` or `secret fields`.
    let option: String
    /// The cookie value's characters without the option.
    let valueCharactersWithout: Int
    /// The characters the option adds (negative: saves).
    let characters: Int

    /// The settings without each option that is on, by option name. Without the application's
    /// dictionary a document compresses as `withoutDictionary` says (the built-in one).
    static func variants(
        of settings: DocumentCodec.Settings, withoutDictionary: SessionCodecConfiguration.Compression
    ) -> [(option: String, settings: DocumentCodec.Settings)] {
        var variants: [(option: String, settings: DocumentCodec.Settings)] = []
        if case .zstd(let ring, _) = settings.compression, !ring.primary.isBuiltIn {
            var without = settings
            without.compression = withoutDictionary
            variants.append(("dictionary", without))
        }
        if settings.padding != .none {
            var without = settings
            without.padding = .none
            variants.append(("padding", without))
        }
        if !settings.secretFields.isEmpty {
            var without = settings
            without.secretFields = []
            variants.append(("secret fields", without))
        }
        return variants
    }

    /// `406 (−176)`: the characters without the option, and what it adds.
    var text: String {
        "\(valueCharactersWithout) (\(characters > 0 ? "+" : characters < 0 ? "−" : "±")\(abs(characters)))"
    }
}
