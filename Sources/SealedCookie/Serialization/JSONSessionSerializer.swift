import Foundation

/// JSON with the output and behaviour of Foundation's `JSONEncoder`/`JSONDecoder`: compact,
/// keys sorted (so an unchanged session serializes to the same bytes), slashes unescaped,
/// default strategies.
///
/// Encoding and decoding go through a streaming encoder and a tape decoder of this package,
/// several times faster than Foundation's and with far fewer allocations; the rare session
/// type that the streaming encoder cannot handle (one using a super encoder, or writing to a
/// container after opening a later one) is encoded by Foundation. A session type marked
/// `@SessionJSON` (``SessionJSONCodable``) skips `Codable`'s dynamic dispatch and is about
/// twice as fast again, with the same bytes.
///
/// Fields marked ``SessionSecret`` are kept apart: their values go to the secret section
/// (`LEB128(length) || JSON` each) and the body holds each one's index instead.
public struct JSONSessionSerializer<Session: Codable & Sendable>: SessionSerializer {
    public init() {}

    public func serialize(_ session: Session) throws -> [UInt8] {
        try JSONText.encode(session)
    }

    public func deserialize(_ bytes: [UInt8]) throws -> Session {
        try TapeJSONDecoder.decode(Session.self, from: bytes)
    }

    public func serializeKeepingSecretsApart(_ session: Session) throws -> (body: [UInt8], secrets: [UInt8]) {
        try JSONText.encodeKeepingSecretsApart(session)
    }

    /// Without a secret section, ``SessionSecret`` fields read their values in place: a value
    /// sealed before a field was marked secret still opens.
    public func deserialize(body: [UInt8], secrets: [UInt8]) throws -> Session {
        guard !secrets.isEmpty else { return try deserialize(body) }
        guard let section = SecretSectionReader(secrets) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: [], debugDescription: "The secret section is not well formed."))
        }
        return try TapeJSONDecoder.decode(Session.self, from: body, secretSection: section)
    }
}
