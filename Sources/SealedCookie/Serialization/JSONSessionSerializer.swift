import Foundation

/// JSON through Foundation's `JSONEncoder`/`JSONDecoder`: compact, keys sorted (so an unchanged
/// session serializes to the same bytes), slashes unescaped.
public struct JSONSessionSerializer<Session: Codable & Sendable>: SessionSerializer {
    public init() {}

    public func serialize(_ session: Session) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(session))
    }

    public func deserialize(_ bytes: [UInt8]) throws -> Session {
        try JSONDecoder().decode(Session.self, from: Data(bytes))
    }
}
