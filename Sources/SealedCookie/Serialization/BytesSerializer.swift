/// Passes bytes through unchanged, for sessions that are already serialized (the command-line
/// tool seals JSON documents this way, byte for byte).
public struct BytesSerializer: SessionSerializer {
    public init() {}

    public func serialize(_ session: [UInt8]) -> [UInt8] { session }

    public func deserialize(_ bytes: [UInt8]) -> [UInt8] { bytes }
}
