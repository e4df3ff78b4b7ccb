/// The sealed value in what a user pastes: a bare value, pairs, or a whole Cookie header.
enum CookieInput {
    static func value(_ text: String, cookieName: String) throws(ToolError) -> String {
        guard !text.isEmpty else { throw ToolError("no cookie given: pass a cookie value or Cookie header, or pipe one in") }
        guard StandInCookieLayer.isCookieHeader(text) else { return text }
        guard let value = StandInCookieLayer.value(named: cookieName, inCookieHeader: text) else {
            let names = StandInCookieLayer.names(inCookieHeader: text)
            throw ToolError(
                "no cookie named '\(cookieName)' in the Cookie header (it has: \(names.isEmpty ? "none" : names.joined(separator: ", "))); "
                    + "use --cookie-name")
        }
        return value
    }
}
