import Foundation
import SealedCookie

/// Seals documents as the application would (same name, attributes and codec settings), writes
/// them with the library's cookie layer, and measures every step. The key is random: sizes do
/// not depend on it.
struct SizeMeter {
    let codec: SessionCodec<[UInt8]>
    /// The cookie layer with the report's attributes, per-cookie limits and chunk count but no
    /// request budget, so that a session over it is still measured; ``budget`` judges it.
    let cookies: SessionCookies<[UInt8]>
    /// The budget the report judges against.
    let budget: CookieBudget
    /// A host inside the scope.
    let requestHost: String

    init(
        codec: SessionCodec<[UInt8]>, configuration: SessionCookiesConfiguration, requestHost: String
    ) throws(ToolError) {
        var measuring = configuration
        // The widest request budget the cookie layer accepts: it must agree with the read limit.
        measuring.maxCookieHeaderByteCount = SessionCookiesConfiguration.maxReadByteCount
        measuring.budget.requestHeaderByteCount = SessionCookiesConfiguration.maxReadByteCount
        measuring.budget.otherCookiesReserve = 0
        self.codec = codec
        self.cookies = try DocumentCookies.make(codec: codec, configuration: measuring)
        self.budget = configuration.budget
        self.requestHost = requestHost
    }

    func measure(name: String, document: JSONDocument) throws(ToolError) -> SizeMeasurement {
        let value: String
        let header: EnvelopeHeader
        let whole: SetCookie
        do {
            value = try codec.seal(document.bytes)
            header = try EnvelopeHeader(sealedValue: value)
            whole = try SetCookie.validated(name: cookies.cookieName, value: value)
        } catch {
            throw ToolError("cannot seal \(name): \(LimitOptions.describe(error))")
        }
        guard let anatomy = EnvelopeAnatomy(header: header, valueLength: value.utf8.count) else {
            throw ToolError("cannot measure \(name): the sealed value is malformed")
        }
        let written = try write(name: name, document: document)
        let requestBytes = written.cookies.map(CookieBudget.requestByteCount(of:))
        let fits = written.cookies.map { (try? budget.check(requestCookies: $0)) != nil } ?? false
        return SizeMeasurement(
            name: name, jsonBytes: document.bytes.count, payloadBytes: anatomy.payloadByteCount,
            compressed: header.compression != .none, sealedBytes: anatomy.envelopeByteCount,
            valueCharacters: value.utf8.count,
            cookieLimitShare: Double(whole.nameValueByteCount) / Double(budget.maxNameValueByteCount),
            setCookieBytes: written.headers?.reduce(0) { $0 + $1.utf8.count }, chunks: written.headers?.count,
            cookieHeaderBytes: requestBytes, fitsRequestBudget: fits, refusal: written.refusal)
    }

    /// The Set-Cookie header values for the document and the cookies the browser sends back, or
    /// why the cookie layer refuses to write them.
    private func write(
        name: String, document: JSONDocument
    ) throws(ToolError) -> (headers: [String]?, cookies: [SetCookie]?, refusal: String?) {
        let headers: [String]
        do {
            headers = try cookies.setCookieHeaders(
                for: document.bytes, requestHost: requestHost, requestCookieHeaders: [])
        } catch {
            switch error {
            case .cookieTooLarge, .setCookieTooLarge, .requestHeaderTooLarge, .sessionTooLarge:
                return (nil, nil, "\(error)")
            default: throw ToolError("cannot measure \(name): \(error)")
            }
        }
        var sent: [SetCookie] = []
        for header in headers {
            sent.append(try Self.sentBack(header))
        }
        return (headers, sent, nil)
    }

    /// The cookie a Set-Cookie header value stores, as the browser sends it back: the header's
    /// first `name=value` pair, read with the library's Cookie header parser.
    private static func sentBack(_ header: String) throws(ToolError) -> SetCookie {
        guard let pair = (try? CookieHeader(parsing: header))?.pairs.first,
            let cookie = try? SetCookie.validated(name: pair.name, value: pair.value)
        else { throw ToolError("cannot read back a Set-Cookie header the cookie layer wrote") }
        return cookie
    }
}
