import Foundation

/// JSON with the output and behaviour of Foundation's `JSONEncoder`/`JSONDecoder`: compact,
/// keys sorted (so an unchanged session serializes to the same bytes), slashes unescaped,
/// default strategies.
///
/// Encoding and decoding go through a streaming encoder and a tape decoder of this package,
/// several times faster than Foundation's and with far fewer allocations; the rare session
/// type that the streaming encoder cannot handle (one using a super encoder, or writing to a
/// container after opening a later one) is encoded by Foundation.
public struct JSONSessionSerializer<Session: Codable & Sendable>: SessionSerializer {
    public init() {}

    public func serialize(_ session: Session) throws -> [UInt8] {
        if let bytes = try StreamingJSONEncoder.encode(session) { return bytes }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(session))
    }

    public func deserialize(_ bytes: [UInt8]) throws -> Session {
        try TapeJSONDecoder.decode(Session.self, from: bytes)
    }
}
