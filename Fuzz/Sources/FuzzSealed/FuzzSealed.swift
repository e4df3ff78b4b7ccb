import Foundation
import FuzzSupport
import SealedCookie

// Structure-aware: the input is a plaintext sealed as SPEC.md says, with the options the first
// byte chooses (stored, deflate or zstd with a dictionary when smaller; block or size-class
// padding), so every input passes the AEAD and reaches unpadding, decompressing and JSON
// decoding. Whenever the JSON decoder and Foundation's
// both accept the plaintext they must read the same value (the decoder refuses duplicate keys,
// which Foundation accepts; see JSONStrictnessTests).

/// The key ring, made once (keys live in guarded memory, costly to allocate per input).
let ring = fuzzKeyRing()
let dictionaries = fuzzDictionaries()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = bytes(data, size)
    guard let flags = input.first, let ring, let dictionaries else { return 0 }
    let plaintext = Array(input.dropFirst())
    let compression: SessionCodecConfiguration.Compression =
        switch flags & 3 {
        case 0: .disabled
        case 1: .deflate(minimumSize: 0, level: Int(flags >> 4 & 7) + 1)
        case 2: .zstd(dictionaries: dictionaries, level: Int(flags >> 4 & 7) + 1)
        default: .zstd(dictionaries: .generic, level: Int(flags >> 4 & 7) + 1)
        }
    let padding: SessionCodecConfiguration.Padding =
        switch flags >> 2 & 3 {
        case 0: .none
        case 1: .sizeClasses
        default: .block(Int(flags >> 2 & 3) * 64 + 1)
        }
    let configuration = SessionCodecConfiguration(
        cookieName: "session", keyRing: ring, compression: compression, padding: padding)
    guard let sealer = try? SessionCodec<[UInt8]>(configuration: configuration, serializer: BytesSerializer()),
        let reader = try? SessionCodec<JSONValue>(configuration: configuration)
    else { finding("the codecs could not be made") }
    guard let value = try? sealer.seal(plaintext) else { return 0 }  // Over a size limit.
    guard (try? sealer.open(value).session) == plaintext else {
        finding("a sealed value did not open to its plaintext")
    }
    let ours = try? reader.open(value).session
    let foundation = try? JSONDecoder().decode(JSONValue.self, from: Data(plaintext))
    if let ours, let foundation, ours != foundation { finding("the JSON decoder and Foundation disagree") }
    return 0
}
