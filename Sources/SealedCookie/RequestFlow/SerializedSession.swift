/// A session's bytes from the codec's serializer, kept only while the middleware compares and
/// seals them, and wiped when the last reference goes.
package final class SerializedSession {
    package private(set) var bytes: SessionBytes

    /// The bytes of `session`, or nil when it does not serialize (sealing it reports why).
    package init?<Session>(_ session: Session, codec: SessionCodec<Session>) {
        guard let bytes = try? codec.serialize(session) else { return nil }
        self.bytes = bytes
    }

    deinit {
        bytes.zeroize()
    }
}
