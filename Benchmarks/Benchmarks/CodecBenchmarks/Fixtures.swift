import SealedCookie

/// Codecs and values shared by the benchmarks, made before measurement starts.
enum Fixtures {
    static let keyRing: KeyRing = {
        do {
            return try KeyRing(primary: SessionKey.generate(id: 1))
        } catch {
            preconditionFailure("cannot make a key: \(error)")
        }
    }()

    static func codec(compressed: Bool) -> SessionCodec<SampleSession> {
        do {
            return try SessionCodec(configuration: .init(
                cookieName: "session", keyRing: keyRing, compression: compressed ? .default : .disabled))
        } catch {
            preconditionFailure("cannot make a codec: \(error)")
        }
    }

    static func seal(_ session: SampleSession, with codec: SessionCodec<SampleSession>) -> String {
        do {
            return try codec.seal(session)
        } catch {
            preconditionFailure("cannot seal: \(error)")
        }
    }

    /// The session as the codec's serializer writes it: the bytes the floor encrypts.
    static func serialized(_ session: SampleSession) -> [UInt8] {
        do {
            return try JSONSessionSerializer<SampleSession>().serialize(session)
        } catch {
            preconditionFailure("cannot serialize: \(error)")
        }
    }
}
