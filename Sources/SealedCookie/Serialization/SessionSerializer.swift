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
}
