/// Any JSON value, read and written through the library's `JSONSessionSerializer`, so that a
/// document's bytes are the ones an application's `SessionCodec` seals for a `Codable` session
/// of the same content: compact, object keys sorted by their UTF-8 bytes at every depth,
/// strings escaped and numbers spelled as Foundation's `JSONEncoder` does.
///
/// A number without a fraction or exponent that fits `Int` stays an integer, as an
/// application's `Int` field keeps it; every other number is a `Double` (`2.50` is written
/// `2.5`, `24.0` is written `24`), as its `Double` field writes it.
enum DocumentValue: Codable, Sendable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([DocumentValue])
    case object([String: DocumentValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else {
            // Only "not an array" falls through: an array or object the library refuses (a key
            // named twice, say) fails with the library's reason.
            do {
                self = .array(try container.decode([DocumentValue].self))
            } catch DecodingError.typeMismatch {
                self = .object(try container.decode([String: DocumentValue].self))
            }
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}
