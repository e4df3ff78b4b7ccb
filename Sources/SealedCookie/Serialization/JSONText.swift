import Foundation

/// JSON bytes of a value through the streaming encoder, or Foundation's encoder (same output)
/// for the rare value the streaming encoder cannot handle.
enum JSONText {
    static func encode<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        if let bytes = try StreamingJSONEncoder.encode(value) { return bytes }
        return Array(try foundationEncoder(userInfo: [:]).encode(value))
    }

    /// The body and the secret section of `value` (``SessionSecret`` values apart).
    static func encodeKeepingSecretsApart<Value: Encodable>(_ value: Value) throws -> (body: [UInt8], secrets: [UInt8])
    {
        if let parts = try StreamingJSONEncoder.encodeKeepingSecretsApart(value) { return parts }
        let section = SecretSectionWriter()
        let userInfo: [CodingUserInfoKey: any Sendable] = SecretSectionWriter.userInfoKey.map { [$0: section] } ?? [:]
        let body = Array(try foundationEncoder(userInfo: userInfo).encode(value))
        return (body, section.bytes)
    }

    private static func foundationEncoder(userInfo: [CodingUserInfoKey: any Sendable]) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.userInfo = userInfo
        return encoder
    }
}
