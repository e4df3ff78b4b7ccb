import Foundation
import SealedCookie

/// An envelope's header and the sizes of its parts, as `inspect` shows them.
struct EnvelopeAnatomy {
    static let nonceByteCount = 24
    static let tagByteCount = 16

    let header: EnvelopeHeader
    let valueLength: Int
    let envelopeByteCount: Int
    let headerByteCount: Int
    let payloadByteCount: Int

    /// Nil when the value is too short for the header, nonce and tag.
    init?(header: EnvelopeHeader, valueLength: Int) {
        self.header = header
        self.valueLength = valueLength
        envelopeByteCount = valueLength * 3 / 4
        headerByteCount = header.byteCount
        payloadByteCount = envelopeByteCount - headerByteCount - Self.nonceByteCount - Self.tagByteCount
        guard payloadByteCount >= 0 else { return nil }
    }

    func status(now: Date) -> String {
        let remaining = Int(header.expiresAt.timeIntervalSince(now))
        if remaining <= 0 { return "expired \(Self.span(-remaining)) ago" }
        if header.issuedAt > now {
            return "issued \(Self.span(Int(header.issuedAt.timeIntervalSince(now)))) in the future"
        }
        return "valid for \(Self.span(remaining)) more"
    }

    func text(now: Date) -> String {
        let rows: [(String, String)] = [
            ("format version", "\(header.version)"),
            ("key id", "\(header.keyID)"),
            ("compression", compressionText),
            ("padded", header.isPadded ? "yes" : "no"),
            ("secret section", header.hasSecretSection ? "yes" : "no"),
            (
                "session start",
                "\(header.sessionStartedAt.formatted(.iso8601)) (\(Self.span(Int(header.sessionAgeSeconds))) before issue)"
            ),
            ("issued at", "\(header.issuedAt.formatted(.iso8601)) (\(header.issuedAtSeconds))"),
            ("lifetime", "\(header.lifetimeMinutes) minutes (\(Self.span(Int(header.lifetimeMinutes) * 60)))"),
            ("expires at", "\(header.expiresAt.formatted(.iso8601)) (\(status(now: now)))"),
            ("value", "\(valueLength) characters of base64url"),
            (
                "envelope",
                "\(envelopeByteCount) bytes: header \(headerByteCount), nonce \(Self.nonceByteCount), "
                    + "ciphertext \(payloadByteCount), tag \(Self.tagByteCount)"
            ),
            ("verified", "no (inspect reads the header without a key; decode verifies)"),
        ]
        return rows.map { $0.0.padding(toLength: 16, withPad: " ", startingAt: 0) + $0.1 }.joined(separator: "\n")
    }

    func json(now: Date) -> String {
        let expired = header.expiresAt <= now
        return """
            {"version":\(header.version),"keyID":\(header.keyID),"compression":"\(compressionText)",\
            "dictionaryID":\(dictionaryID.map(String.init) ?? "null"),\
            "builtInDictionaryID":\(builtInDictionaryID.map(String.init) ?? "null"),\
            "padded":\(header.isPadded),"secretSection":\(header.hasSecretSection),\
            "sessionStartedAt":"\(header.sessionStartedAt.formatted(.iso8601))","issuedAt":"\(header.issuedAt.formatted(.iso8601))",\
            "issuedAtSeconds":\(header.issuedAtSeconds),"lifetimeMinutes":\(header.lifetimeMinutes),\
            "expiresAt":"\(header.expiresAt.formatted(.iso8601))","expired":\(expired),\
            "valueCharacters":\(valueLength),"envelopeBytes":\(envelopeByteCount),"headerBytes":\(headerByteCount),\
            "nonceBytes":\(Self.nonceByteCount),"ciphertextBytes":\(payloadByteCount),"tagBytes":\(Self.tagByteCount),\
            "verified":false}
            """
    }

    /// `none`, `deflate`, `zstd, dictionary 3` or `zstd, built-in dictionary 1 (generic)`.
    var compressionText: String { Self.compressionText(header.compression) }

    /// `none`, `deflate`, `zstd, dictionary 3` or `zstd, built-in dictionary 1 (generic)`.
    static func compressionText(_ compression: EnvelopeHeader.Compression) -> String {
        switch compression {
        case .none: "none"
        case .deflate: "deflate"
        case .zstd(let id): "zstd, dictionary \(id)"
        case .zstdBuiltIn(let id):
            "zstd, built-in dictionary \(id)\(id == SessionDictionary.generic.id ? " (generic)" : "")"
        }
    }

    /// The id of the application's dictionary the value was compressed with, if any.
    var dictionaryID: UInt8? {
        if case .zstd(let id) = header.compression { id } else { nil }
    }

    /// The id of the built-in dictionary the value was compressed with, if any.
    var builtInDictionaryID: UInt8? {
        if case .zstdBuiltIn(let id) = header.compression { id } else { nil }
    }

    /// `2d 3h`, `5h 12m`, `42m`, `17s`.
    static func span(_ seconds: Int) -> String {
        let days = seconds / 86400
        let hours = seconds % 86400 / 3600
        let minutes = seconds % 3600 / 60
        if days > 0 { return hours > 0 ? "\(days)d \(hours)h" : "\(days)d" }
        if hours > 0 { return minutes > 0 ? "\(hours)h \(minutes)m" : "\(hours)h" }
        if minutes > 0 { return "\(minutes)m" }
        return "\(seconds)s"
    }
}
