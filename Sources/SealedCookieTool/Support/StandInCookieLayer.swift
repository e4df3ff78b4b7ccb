import Foundation

// STAND-IN, TO BE REPLACED BY THE COOKIE LAYER API (SetCookie, CookieScope, CookieBudget,
// Cookie header parsing, chunking). Everything the tool knows about Set-Cookie lines, cookie
// size limits, chunk names and Cookie request headers is in this one file, computed from the
// documented defaults, so that switching to the library's cookie layer replaces this file only.

/// Set-Cookie lines, chunking and Cookie header parsing, as the tool needs them.
enum StandInCookieLayer {
    /// What browsers keep for one cookie: name plus value, in bytes (RFC 6265bis).
    static let cookieByteLimit = 4096
    /// What servers accept for the whole Cookie request header line (Apache's 8190).
    static let defaultRequestBudget = 8190

    /// The attributes every line carries besides Max-Age and Expires.
    struct Attributes {
        var domain: String?
        var path = "/"
        var sameSite = "Lax"
    }

    /// One `name=value` pair of a (possibly chunked) cookie.
    struct Pair {
        var name: String
        var value: String
    }

    /// The cookies that carry `value`: `name` alone when it fits the cookie limit, otherwise
    /// `name`, `name.1`, `name.2` … each within the limit; nil when it does not fit and
    /// chunking is off.
    static func pairs(name: String, value: String, chunking: Bool) -> [Pair]? {
        let utf8 = Array(value.utf8)
        if name.utf8.count + utf8.count <= cookieByteLimit { return [Pair(name: name, value: value)] }
        guard chunking else { return nil }
        var pairs: [Pair] = []
        var start = 0
        while start < utf8.count {
            let chunkName = pairs.isEmpty ? name : "\(name).\(pairs.count)"
            let room = cookieByteLimit - chunkName.utf8.count
            let end = min(utf8.count, start + room)
            pairs.append(Pair(name: chunkName, value: String(decoding: utf8[start..<end], as: UTF8.self)))
            start = end
        }
        return pairs
    }

    /// `Set-Cookie: name=value; Path=/; Domain=…; Max-Age=…; Expires=…; Secure; HttpOnly; SameSite=…`
    static func setCookieLine(_ pair: Pair, attributes: Attributes, maxAge: Int, now: Date) -> String {
        var line = "Set-Cookie: \(pair.name)=\(pair.value); Path=\(attributes.path)"
        if let domain = attributes.domain { line += "; Domain=\(domain)" }
        line += "; Max-Age=\(maxAge); Expires=\(imfFixdate(now.addingTimeInterval(TimeInterval(maxAge))))"
        line += "; Secure; HttpOnly; SameSite=\(attributes.sameSite)"
        return line
    }

    /// The `Cookie:` request header line a browser sends back for `pairs`.
    static func cookieHeaderLine(_ pairs: [Pair]) -> String {
        "Cookie: " + pairs.map { "\($0.name)=\($0.value)" }.joined(separator: "; ")
    }

    /// The value of cookie `name` in a `Cookie:` header (or its bare `a=b; c=d` pairs), its
    /// chunks `name.1`, `name.2` … appended in order; nil when there is no such cookie. When
    /// the name occurs more than once, the first occurrence is used.
    static func value(named name: String, inCookieHeader header: String) -> String? {
        var text = Substring(header)
        if text.lowercased().hasPrefix("cookie:") { text = text.dropFirst("cookie:".count) }
        var values: [String: String] = [:]
        for field in text.split(separator: ";") {
            let parts = field.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let key = parts[0].trimmingCharacters(in: .whitespaces)
            if values[key] == nil { values[key] = parts[1].trimmingCharacters(in: .whitespaces) }
        }
        guard var value = values[name] else { return nil }
        var index = 1
        while let chunk = values["\(name).\(index)"] {
            value += chunk
            index += 1
        }
        return value
    }

    /// The cookie names in a `Cookie:` header, for error messages.
    static func names(inCookieHeader header: String) -> [String] {
        var text = Substring(header)
        if text.lowercased().hasPrefix("cookie:") { text = text.dropFirst("cookie:".count) }
        return text.split(separator: ";").compactMap { field in
            field.split(separator: "=", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces) }
        }
    }

    /// Whether `text` is a Cookie header or pairs rather than a bare value (base64url has no `=`).
    static func isCookieHeader(_ text: String) -> Bool {
        text.lowercased().hasPrefix("cookie:") || text.contains("=")
    }

    /// `Sun, 06 Nov 1994 08:49:37 GMT` (RFC 9110 IMF-fixdate).
    static func imfFixdate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }
}
