@_spi(Benchmarks) import SealedCookie

/// Codecs and values shared by the benchmarks, made before measurement starts.
enum Fixtures {
    static let keyRing: KeyRing = {
        do {
            return try KeyRing(primary: SessionKey.generate(id: 1))
        } catch {
            preconditionFailure("cannot make a key: \(error)")
        }
    }()

    static func configuration(compressed: Bool) -> SessionCodecConfiguration {
        SessionCodecConfiguration(cookieName: "session", keyRing: keyRing, compression: compressed ? .default : .disabled)
    }

    static func codec(compressed: Bool) -> SessionCodec<SampleSession> {
        do {
            return try SessionCodec(configuration: configuration(compressed: compressed))
        } catch {
            preconditionFailure("cannot make a codec: \(error)")
        }
    }

    /// A codec for sessions that are already bytes, to time the codec without serialization.
    static func bytesCodec(compressed: Bool) -> SessionCodec<[UInt8]> {
        do {
            return try SessionCodec(configuration: configuration(compressed: compressed), serializer: BytesSerializer())
        } catch {
            preconditionFailure("cannot make a codec: \(error)")
        }
    }

    /// The cookie layer over the codec: `Domain=example.com`, the default attributes and budget.
    static func cookies(compressed: Bool) -> SessionCookies<SampleSession> {
        do {
            return try SessionCookies(
                codec: codec(compressed: compressed),
                configuration: SessionCookiesConfiguration(scope: .rootDomain("example.com")))
        } catch {
            preconditionFailure("cannot make the cookie layer: \(error)")
        }
    }

    /// A host inside the cookie scope.
    static let requestHost = "shop.example.com"

    /// A realistic request `Cookie` header: analytics, preference, CSRF and consent cookies
    /// around the session cookie.
    static func requestCookieHeader(sessionValue: String) -> String {
        "_ga=GA1.2.1580629553.1732467890; _gid=GA1.2.1209332093.1732467890; theme=dark; session=\(sessionValue); "
            + "csrftoken=q7ZsK2vN9xR4tW1mB8cF3hJ6pL0dG5yE; consent=analytics%3Dtrue%2Cmarketing%3Dfalse"
    }

    static func seal<Session>(_ session: Session, with codec: SessionCodec<Session>) -> String {
        do {
            return try codec.seal(session)
        } catch {
            preconditionFailure("cannot seal: \(error)")
        }
    }

    static func envelope(_ payload: [UInt8], with codec: SessionCodec<SampleSession>) -> [UInt8] {
        do {
            return try codec.envelopeStage(payload)
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
