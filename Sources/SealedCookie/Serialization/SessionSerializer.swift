/// Turns a session into bytes and back; the first stage of ``SessionCodec``.
///
/// The default is ``JSONSessionSerializer``. Write your own for a faster or smaller format;
/// `deserialize` receives bytes that passed authentication, so it only has to reject what it
/// cannot parse.
public protocol SessionSerializer<Session>: Sendable {
    associatedtype Session
    /// The bytes of `session`.
    func serialize(_ session: Session) throws -> [UInt8]
    /// The session in `bytes`.
    func deserialize(_ bytes: [UInt8]) throws -> Session
    /// The bytes of `session` in two parts: the body, which the codec may compress, and the
    /// secret section, which it never compresses (see ``SessionSecret``). The default puts
    /// everything in the body.
    func serializeKeepingSecretsApart(_ session: Session) throws -> (body: [UInt8], secrets: [UInt8])
    /// The session in a body and a secret section made by ``serializeKeepingSecretsApart(_:)``.
    func deserialize(body: [UInt8], secrets: [UInt8]) throws -> Session
}

extension SessionSerializer {
    public func serializeKeepingSecretsApart(_ session: Session) throws -> (body: [UInt8], secrets: [UInt8]) {
        (try serialize(session), [])
    }

    public func deserialize(body: [UInt8], secrets: [UInt8]) throws -> Session {
        guard secrets.isEmpty else { throw SecretSectionUnsupported() }
        return try deserialize(body)
    }
}

/// A value carries a secret section but its serializer does not read one.
struct SecretSectionUnsupported: Error {}
