import Foundation
import FuzzSupport
import SealedCookie

// Structure-aware through decompression: the input's first byte chooses the header (stored,
// deflate, zstd with the fuzz dictionary or with the built-in generic one; padded; a secret section; a session start), the rest is
// the plaintext exactly as sealed. So every input passes the AEAD, and arbitrary bytes reach
// unpadding, the secret-section split, the length check and the zstd or deflate decoder, then
// the JSON decoder. Opening may fail with any typed error; it must never trap, and must never
// yield more bytes than the cap.

/// The codec under test, made once: zstd with the fuzz dictionary, a small cap, and a maximum
/// age so the session start is checked.
let codec: SessionCodec<JSONValueSession>? = fuzzKeyRing().flatMap { ring in
    fuzzDictionaries().flatMap { dictionaries in
        try? SessionCodec<JSONValueSession>(
            configuration: SessionCodecConfiguration(
                cookieName: "session", keyRing: ring, maxSessionAge: .seconds(86400),
                compression: .zstd(dictionaries: dictionaries), maxDecompressedBytes: 4096))
    }
}

/// Any JSON object, as a session.
struct JSONValueSession: Codable, Sendable {
    var fields: [String: Int]?
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = bytes(data, size)
    guard let codec, let flags = input.first else { return 0 }
    let compression: EnvelopeHeader.Compression =
        switch flags & 3 {
        case 0: .none
        case 1: .deflate
        case 2: .zstd(dictionaryID: 1)
        default: .zstdBuiltIn(dictionaryID: SessionDictionary.generic.id)
        }
    let now = UInt32(Date().timeIntervalSince1970)
    let header = EnvelopeHeader(
        compression: compression, isPadded: flags & 4 != 0, hasSecretSection: flags & 8 != 0, keyID: 1,
        issuedAtSeconds: now, lifetimeMinutes: 60, sessionAgeSeconds: flags & 16 != 0 ? 300 : 0)
    guard let value = codec.sealRaw(Array(input.dropFirst()), header: header, nonce: [UInt8](repeating: 0, count: 24))
    else { finding("the raw sealer refused its own key") }
    if let opened = try? codec.open(value), opened.header != header {
        finding("an opened value reports another header")
    }
    return 0
}
