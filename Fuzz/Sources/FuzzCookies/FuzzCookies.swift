import FuzzSupport
import SealedCookie

// Cookie headers (one field per line) through `SessionCookies` with chunking: reading never
// traps, and no header makes a write or a log-out emit more cookies than chunks can exist.

/// How many chunks a session may be split over here.
let maxChunkCount = 3

/// The cookie layer under test, made once.
let cookies: SessionCookies<[UInt8]>? = {
    guard let ring = fuzzKeyRing(), let scope = try? CookieScope.rootDomain("example.com"),
        let codec = try? SessionCodec<[UInt8]>(
            configuration: SessionCodecConfiguration(cookieName: "session", keyRing: ring, maxValueLength: 16_384),
            serializer: BytesSerializer())
    else { return nil }
    return try? SessionCookies(
        codec: codec,
        configuration: SessionCookiesConfiguration(
            scope: scope, budget: CookieBudget(requestHeaderByteCount: 16_384), maxChunkCount: maxChunkCount))
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let cookies else { finding("the cookie layer could not be made") }
    let fields = String(decoding: bytes(data, size), as: UTF8.self).split(separator: "\n").map(String.init)
    _ = try? cookies.session(fromCookieHeaders: fields)
    guard cookies.deletionHeaders(requestCookieHeaders: fields).count <= maxChunkCount else {
        finding("log-out deletes more cookies than chunks can exist")
    }
    let written =
        (try? cookies.setCookieHeaders(for: [1, 2, 3], requestHost: "a.example.com", requestCookieHeaders: fields))
        ?? []
    guard written.count <= maxChunkCount else { finding("a write emits more cookies than chunks can exist") }
    return 0
}
