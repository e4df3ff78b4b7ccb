/// A session as its serializer wrote it: the body, which may be compressed, and the secret
/// section, which never is. Kept only while it is compared and sealed; the holder wipes it.
package struct SessionBytes: Sendable, Equatable {
    package var body: [UInt8]
    package var secrets: [UInt8]

    package init(body: [UInt8], secrets: [UInt8]) {
        self.body = body
        self.secrets = secrets
    }

    /// Both parts' length.
    var count: Int { body.count + secrets.count }

    /// Overwrites both parts with zeros.
    package mutating func zeroize() {
        body.zeroize()
        secrets.zeroize()
    }
}
