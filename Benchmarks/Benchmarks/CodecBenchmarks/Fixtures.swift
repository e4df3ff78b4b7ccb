@_spi(Benchmarks) import SealedCookie

/// Codecs and values shared by the benchmarks, made before measurement starts.
enum Fixtures {
    /// How the codec compresses: not at all, deflate (the default before the generic dictionary,
    /// and wire format v1's only algorithm), zstd with the repository's sample dictionary
    /// (trained by scripts/train-sample-dictionary on synthesized sessions, never the corpus), or
    /// zstd with the built-in generic dictionary (the default, trained on no corpus shape).
    enum Mode: String, CaseIterable {
        case uncompressed, deflate, zstd, generic
    }

    static let keyRing: KeyRing = {
        do {
            return try KeyRing(primary: SessionKey.generate(id: 1))
        } catch {
            preconditionFailure("cannot make a key: \(error)")
        }
    }()

    static let dictionaries: SessionDictionaryRing = {
        let path = Corpus.root.appendingPathComponent("Dictionaries/sample-sessions.zdict").path
        do {
            return try SessionDictionaryRing(primary: SessionDictionary(contentsOfFile: path))
        } catch {
            preconditionFailure("cannot load the sample dictionary: \(error)")
        }
    }()

    static func configuration(_ mode: Mode) -> SessionCodecConfiguration {
        let compression: SessionCodecConfiguration.Compression =
            switch mode {
            case .uncompressed: .disabled
            case .deflate: .deflate(minimumSize: 64, level: 6)
            case .zstd: .zstd(dictionaries: dictionaries)
            case .generic: .default
            }
        var configuration = SessionCodecConfiguration(cookieName: "session", keyRing: keyRing, compression: compression)
        // Every open is timed in full, as the peers' are: a value opened before would be a lookup.
        configuration.openedValueCacheCapacity = 0
        return configuration
    }

    /// The default configuration with its cache of opened values: what opening a value the codec
    /// opened before costs.
    static func cachedCodec() -> SessionCodec<SampleSession> {
        do {
            return try SessionCodec(
                configuration: SessionCodecConfiguration(cookieName: "session", keyRing: keyRing))
        } catch {
            preconditionFailure("cannot make a codec: \(error)")
        }
    }

    static func codec(_ mode: Mode) -> SessionCodec<SampleSession> {
        do {
            return try SessionCodec(configuration: configuration(mode))
        } catch {
            preconditionFailure("cannot make a codec: \(error)")
        }
    }

    /// A codec for sessions that are already bytes, to time the codec without serialization.
    static func bytesCodec(_ mode: Mode) -> SessionCodec<[UInt8]> {
        do {
            return try SessionCodec(configuration: configuration(mode), serializer: BytesSerializer())
        } catch {
            preconditionFailure("cannot make a codec: \(error)")
        }
    }

    /// The cookie layer over the codec: `Domain=example.com`, the default attributes and budget.
    static func cookies(_ mode: Mode) -> SessionCookies<SampleSession> {
        do {
            return try SessionCookies(
                codec: codec(mode), configuration: SessionCookiesConfiguration(scope: .rootDomain("example.com")))
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

    /// header | nonce | AEAD over `body` as it is (no compression), the seal's stage 3.
    static func envelope(_ body: [UInt8], with codec: SessionCodec<SampleSession>) -> [UInt8] {
        do {
            return try codec.envelopeStage((body, []))
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
