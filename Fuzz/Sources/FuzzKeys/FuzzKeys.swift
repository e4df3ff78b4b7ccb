import FuzzSupport
import SealedCookie

// Key and key-ring text: parsing never traps.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: bytes(data, size), as: UTF8.self)
    _ = try? KeyRing(text: text)
    _ = try? SessionKey(id: 1, text: text)
    return 0
}
