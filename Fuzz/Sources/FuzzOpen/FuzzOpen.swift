import FuzzSupport
import SealedCookie

// Any string as a cookie value: opening never traps.

/// The codec under test, made once.
let codec: SessionCodec<[UInt8]>? = fuzzKeyRing().flatMap { ring in
    try? SessionCodec<[UInt8]>(
        configuration: SessionCodecConfiguration(cookieName: "session", keyRing: ring), serializer: BytesSerializer())
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let codec else { finding("the codec could not be made") }
    _ = try? codec.open(String(decoding: bytes(data, size), as: UTF8.self))
    return 0
}
