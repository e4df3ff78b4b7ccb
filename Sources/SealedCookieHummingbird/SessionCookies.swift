import Foundation
import SealedCookie

/// The middleware's only door to cookies: reads the sealed session from the request's `Cookie`
/// fields, and writes the `Set-Cookie` values that store or delete it.
struct SessionCookies<Session: Sendable>: Sendable {
    /// What the request's cookies held.
    enum Incoming {
        /// No session cookie.
        case absent
        /// A session that opened and authenticated.
        case opened(OpenedSession<Session>)
        /// A session cookie that did not open; the reason is for the debug log only.
        case rejected(reason: String)
    }

    /// The largest `name=value` a browser keeps (RFC 6265bis, section 5.4).
    static var maxCookieByteCount: Int { 4096 }

    let codec: SessionCodec<Session>
    let settings: SessionCookieSettings

    var cookieName: String { codec.configuration.cookieName }

    /// The session in `cookieFields`, the request's `Cookie` field values.
    func read(_ cookieFields: [String]) -> Incoming {
        let values = cookieFields.flatMap { field in
            field.split(separator: ";").compactMap { pair -> Substring? in
                let parts = pair.drop { $0 == " " }.split(separator: "=", maxSplits: 1)
                return parts.count == 2 && parts[0] == cookieName ? parts[1] : nil
            }
        }
        guard !values.isEmpty else { return .absent }
        var reason = ""
        for value in values {
            do {
                return .opened(try codec.openWithDetails(String(value)))
            } catch {
                reason = error.description
            }
        }
        return .rejected(reason: reason)
    }

    /// The `Set-Cookie` values that store `session` for `lifetime`.
    func setCookieValues(sealing session: Session, lifetime: Duration, cookieFields: [String])
        throws(SessionCookieWriteError) -> [String]
    {
        let value: String
        do {
            value = try codec.seal(session, lifetime: lifetime)
        } catch {
            throw .sealingFailed(error)
        }
        let size = cookieName.utf8.count + 1 + value.utf8.count
        guard size <= Self.maxCookieByteCount else {
            throw .cookieTooLarge(size: size, limit: Self.maxCookieByteCount)
        }
        return [line(value: value, maxAge: Int(lifetime.components.seconds))]
    }

    /// The `Set-Cookie` values that delete the session cookie.
    func deletionValues(cookieFields: [String]) -> [String] {
        [line(value: "", maxAge: 0)]
    }

    private func line(value: String, maxAge: Int) -> String {
        var text = "\(cookieName)=\(value)"
        if let domain = settings.rootDomain { text += "; Domain=\(domain)" }
        text += "; Path=\(settings.path); Max-Age=\(maxAge)"
        if settings.isSecure { text += "; Secure" }
        text += "; HttpOnly; SameSite=\(settings.sameSite)"
        return text
    }
}

/// Why the session could not be turned into cookies: the application's side, never the client's.
enum SessionCookieWriteError: Error, CustomStringConvertible {
    case sealingFailed(SessionCodecError)
    case cookieTooLarge(size: Int, limit: Int)

    var description: String {
        switch self {
        case .sealingFailed(let error):
            error.description
        case .cookieTooLarge(let size, let limit):
            "the session cookie would be \(size) bytes, over the \(limit)-byte budget a browser keeps: store less in the session"
        }
    }
}
