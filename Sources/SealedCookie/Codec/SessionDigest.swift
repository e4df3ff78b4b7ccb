/// A BLAKE2b digest of a serialized session, to tell later whether a session changed without
/// keeping its plaintext bytes in the meantime.
package struct SessionDigest: Sendable, Equatable {
    private let bytes: [UInt8]

    /// The digest of `serialized`, bytes made by ``SessionCodec``'s serializer.
    package init(of serialized: SessionBytes) {
        bytes = GenericHash.digest(parts: [serialized.body, serialized.secrets])
    }
}
