import Foundation

/// JSON bytes of a value through the streaming encoder, or Foundation's encoder (same output)
/// for the rare value the streaming encoder cannot handle.
enum JSONText {
    /// - Parameter secrets: Where ``SessionSecret`` values go; nil writes them in place.
    static func encode<Value: Encodable>(_ value: Value, secrets: SecretSectionWriter? = nil) throws -> [UInt8] {
        var userInfo: [CodingUserInfoKey: any Sendable] = [:]
        if let secrets, let key = SecretSectionWriter.userInfoKey { userInfo[key] = secrets }
        if let bytes = try StreamingJSONEncoder.encode(value, userInfo: userInfo) { return bytes }
        // Foundation encodes from the start again, so it collects the secrets again.
        secrets?.reset()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.userInfo = userInfo
        return Array(try encoder.encode(value))
    }
}
