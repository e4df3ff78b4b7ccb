import FuzzSupport
import SealedCookie

// Public Suffix List files: parsing never traps, and a parsed list can judge a root domain.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let list = try? PublicSuffixList(text: String(decoding: bytes(data, size), as: UTF8.self)) else { return 0 }
    _ = try? CookieScope.rootDomain("shop.example.co.uk", publicSuffixList: list)
    return 0
}
