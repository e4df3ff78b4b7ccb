import SealedCookie

/// A session document as an application seals it: read as a JSON value and written back by the
/// library's `JSONSessionSerializer` (keys sorted at every depth, compact, Foundation's escapes
/// and number spellings), so that every size the tool reports is the size an application's
/// `SessionCodec` gives for a session of the same content.
struct JSONDocument {
    /// The serializer of every document the tool seals, opens, measures or trains on.
    static let serializer = JSONSessionSerializer<DocumentValue>()

    let bytes: [UInt8]

    /// - Throws: ``ToolError`` when `raw` is not a JSON text; `origin` names it in the message.
    init(_ raw: [UInt8], origin: String) throws(ToolError) {
        let value: DocumentValue
        do {
            value = try Self.serializer.deserialize(raw)
        } catch {
            throw ToolError(
                "\(origin) is not valid JSON: a session document must be a JSON text the library reads "
                    + "(\(Self.reason(error)))")
        }
        do {
            bytes = try Self.serializer.serialize(value)
        } catch {
            throw ToolError("\(origin) cannot be serialized as a session: \(Self.reason(error))")
        }
    }

    /// Why the library does not read `bytes` as a session, in its own words; nil when it does.
    static func refusal(of bytes: [UInt8]) -> String? {
        do {
            _ = try serializer.deserialize(bytes)
            return nil
        } catch {
            return reason(error)
        }
    }

    /// The library's own words for why it refuses a document.
    private static func reason(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context), DecodingError.typeMismatch(_, let context):
            context.debugDescription
        case EncodingError.invalidValue(_, let context):
            context.debugDescription
        default:
            "\(error)"
        }
    }
}
