/// Marks a session field as a secret, so that its bytes never pass through compression.
///
/// Compressing before encrypting leaks through the cookie's length: when a session holds a
/// secret (a CSRF token, say) next to text an attacker can influence (a flash message, a
/// search term, a return URL), the attacker can learn the secret one character at a time by
/// watching how long the cookie gets. A session dictionary makes such matches cheaper, and so
/// the signal sharper. A field marked `@SessionSecret` is sealed in a separate section of the
/// plaintext that is never compressed (SPEC.md, "Secret section"), so its value cannot change
/// the compressed length of anything else, nor the other way round.
///
/// ```swift
/// struct UserSession: Codable, Sendable {
///     var userID: String
///     @SessionSecret var csrfToken: String
///     var flash: String?
/// }
/// ```
///
/// Mark high-entropy secrets that sit next to attacker-influenced text; everything else
/// compresses as before. Outside ``SessionCodec`` (with Foundation's `JSONEncoder`, say) the
/// wrapper encodes and decodes its value as if it were not there.
@propertyWrapper
public struct SessionSecret<Value: Codable & Sendable>: Codable, Sendable {
    /// The secret value.
    public var wrappedValue: Value

    /// Wraps a value.
    public init(wrappedValue: Value) {
        self.wrappedValue = wrappedValue
    }

    /// Writes the value into the secret section and its index in place of it, when the encoder
    /// collects secrets; otherwise the value itself.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let streaming = encoder as? StreamingJSONEncoder, streaming.collectsSecrets {
            try container.encode(try streaming.appendSecret(wrappedValue))
        } else if let key = SecretSectionWriter.userInfoKey, let section = encoder.userInfo[key] as? SecretSectionWriter
        {
            try container.encode(try section.append(wrappedValue))
        } else {
            try container.encode(wrappedValue)
        }
    }

    /// Reads the value from the secret section at the index found in its place, when the value
    /// being opened has a secret section; otherwise the value itself.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let section = (decoder as? TapeJSONDecoder)?.secretSection {
            wrappedValue = try section.value(
                at: try container.decode(Int.self), as: Value.self, codingPath: decoder.codingPath)
        } else {
            wrappedValue = try container.decode(Value.self)
        }
    }
}

extension SessionSecret: Equatable where Value: Equatable {}
extension SessionSecret: Hashable where Value: Hashable {}
