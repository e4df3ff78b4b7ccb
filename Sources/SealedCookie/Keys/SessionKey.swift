import CSodium

/// A 32-byte master secret with a small key id, from which the sealing keys are derived.
///
/// The secret lives in libsodium's guarded memory and is zeroed when the last copy of the key
/// is released. `description` shows only the id, and `==` compares in constant time.
///
/// ```swift
/// let key = try SessionKey(id: 1, text: "Vv7…43 base64url characters…")
/// let fresh = try SessionKey.generate(id: 2)
/// print(fresh)   // SessionKey(id: 2)
/// ```
///
/// The id (0 to 15) travels in every cookie, so a ``KeyRing`` can pick the key that opens it
/// without trying each one. Give each key in a ring its own id; when rotating, the new key takes
/// an id no live cookie still uses.
public struct SessionKey: Sendable, Equatable, CustomStringConvertible {
    /// The master key length, 32 bytes (`crypto_kdf_KEYBYTES`).
    public static let byteCount = Int(crypto_kdf_KEYBYTES)
    /// The largest key id: the wire format stores it in four bits.
    public static let maxID: UInt8 = 15

    /// The id written into every cookie this key seals.
    public let id: UInt8
    private let master: SecureBuffer
    /// The XChaCha20-Poly1305 subkey, derived once here rather than on every seal.
    let encryptionKey: SecureBuffer

    private init(id: UInt8, fill: (UnsafeMutableRawBufferPointer) -> Result<Void, SessionKeyError>)
        throws(SessionKeyError)
    {
        guard id <= Self.maxID else { throw .keyIDOutOfRange(id) }
        var failure: SessionKeyError?
        let master = SecureBuffer(count: Self.byteCount) { bytes in
            if case .failure(let error) = fill(bytes) {
                failure = error
                return false
            }
            return true
        }
        if let failure { throw failure }
        guard let master, let encryptionKey = KeyDerivation.derive(.encryption, from: master) else {
            throw .secureMemoryUnavailable
        }
        self.id = id
        self.master = master
        self.encryptionKey = encryptionKey
    }

    /// Generates a new random key with libsodium's CSPRNG.
    public static func generate(id: UInt8) throws(SessionKeyError) -> SessionKey {
        try SessionKey(id: id) { bytes in
            SecureRandom.fill(bytes)
            return .success(())
        }
    }

    /// Makes a key from its 32 raw bytes.
    public init(id: UInt8, bytes: some Collection<UInt8>) throws(SessionKeyError) {
        guard bytes.count == Self.byteCount else { throw .wrongLength(expected: Self.byteCount, actual: bytes.count) }
        try self.init(id: id) { buffer in
            buffer.copyBytes(from: bytes)
            return .success(())
        }
    }

    /// Makes a key from text: 43 characters of unpadded base64url, or 64 hexadecimal digits.
    ///
    /// Surrounding whitespace (such as a file's final newline) is ignored. Decoding runs in
    /// constant time (libsodium's `sodium_base642bin` and `sodium_hex2bin`).
    ///
    /// The copy of the text made here is zeroed after decoding; `text` itself cannot be (prefer
    /// ``init(id:contentsOfFile:)`` or ``init(id:environmentVariable:)``, which keep no copy).
    public init(id: UInt8, text: String) throws(SessionKeyError) {
        var utf8 = Array(text.utf8)
        self = try KeyText.parsing(&utf8) { (utf8) throws(SessionKeyError) in try Self(id: id, utf8: utf8[...]) }
    }

    /// Reads a key (as ``init(id:text:)`` accepts it) from a file; every copy of its text is
    /// zeroed.
    public init(id: UInt8, contentsOfFile path: String) throws(SessionKeyError) {
        var utf8 = try KeyText.contents(ofFile: path)
        self = try KeyText.parsing(&utf8) { (utf8) throws(SessionKeyError) in
            try Self(id: id, utf8: utf8[...])
        }
    }

    /// Reads a key (as ``init(id:text:)`` accepts it) from an environment variable; every copy
    /// of its text is zeroed (the environment itself is not changed).
    public init(id: UInt8, environmentVariable name: String) throws(SessionKeyError) {
        var utf8 = try KeyText.environmentVariable(name)
        self = try KeyText.parsing(&utf8) { (utf8) throws(SessionKeyError) in
            try Self(id: id, utf8: utf8[...])
        }
    }

    /// Decodes key text from a slice of bytes the caller zeroes, copying nothing.
    init(id: UInt8, utf8: ArraySlice<UInt8>) throws(SessionKeyError) {
        let trimmed = Self.trimmingWhitespace(utf8)
        try self.init(id: id) { buffer in
            Self.decode(utf8[trimmed], into: buffer)
        }
    }

    /// The key as unpadded base64url text (constant-time encoding), for storing a generated key.
    ///
    /// This is the one API that reveals the secret: write it only where secrets belong.
    public func exportBase64URL() -> String {
        let length = Int(sodium_base64_encoded_len(Self.byteCount, Int32(sodium_base64_VARIANT_URLSAFE_NO_PADDING)))
        var text = [CChar](repeating: 0, count: length)
        defer { sodium_memzero(&text, text.count) }
        master.withUnsafeBytes { bytes in
            _ = sodium_bin2base64(
                &text, length, bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count,
                Int32(sodium_base64_VARIANT_URLSAFE_NO_PADDING))
        }
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    public var description: String { "SessionKey(id: \(id))" }

    /// Same id and same secret; the secrets are compared in constant time.
    public static func == (lhs: SessionKey, rhs: SessionKey) -> Bool {
        lhs.master.constantTimeEquals(rhs.master) && lhs.id == rhs.id
    }

    private static func trimmingWhitespace(_ bytes: ArraySlice<UInt8>) -> Range<Int> {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        let start = bytes.firstIndex { !isSpace($0) } ?? bytes.endIndex
        let end = bytes.lastIndex { !isSpace($0) }.map { $0 + 1 } ?? start
        return start..<max(start, end)
    }

    private static func decode(_ text: ArraySlice<UInt8>, into key: UnsafeMutableRawBufferPointer) -> Result<
        Void, SessionKeyError
    > {
        guard let output = key.baseAddress?.assumingMemoryBound(to: UInt8.self) else {
            return .failure(.invalidEncoding)
        }
        var written = 0
        let status: Int32 = text.withUnsafeBufferPointer { input in
            input.withMemoryRebound(to: CChar.self) { chars in
                switch chars.count {
                case 64:
                    sodium_hex2bin(output, key.count, chars.baseAddress, chars.count, nil, &written, nil)
                case 43:
                    sodium_base642bin(
                        output, key.count, chars.baseAddress, chars.count, nil, &written, nil,
                        Int32(sodium_base64_VARIANT_URLSAFE_NO_PADDING))
                default:
                    -1
                }
            }
        }
        guard status == 0 else { return .failure(.invalidEncoding) }
        guard written == key.count else { return .failure(.wrongLength(expected: key.count, actual: written)) }
        return .success(())
    }
}
