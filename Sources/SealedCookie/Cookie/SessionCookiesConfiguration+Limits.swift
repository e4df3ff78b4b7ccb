extension SessionCookiesConfiguration {
    /// The most bytes of name plus value browsers keep for one cookie (RFC 6265bis section 5.6);
    /// a larger per-cookie limit would let the library write cookies the browser drops.
    public static let browserNameValueLimit = 4096
    /// The longest header line default proxies accept (nginx and Apache), a ceiling for one
    /// Set-Cookie header value.
    public static let proxyLineLimit = 8190
    /// The bytes the request budget counts that the `Cookie` field value does not carry:
    /// `Cookie: ` and CRLF.
    static let cookieLineFraming = 10
    /// The largest ``maxCookieHeaderByteCount`` accepted (1 MiB), far above what any browser
    /// sends, so that no sum overflows; the request budget may reach it plus 10 bytes.
    package static let maxReadByteCount = 1 << 20
    /// The largest ``maxCookieCount`` accepted.
    static let maxReadPairCount = 4096

    /// Checks every number against its range and against the others, so that no write can
    /// overflow and every session written can be read back by the same configuration.
    /// - Throws: ``SessionCookieError/invalidConfiguration(setting:allowed:)`` naming the value and its range.
    func checkLimits() throws(SessionCookieError) {
        try require(
            (1...CookieChunks.maxChunkCountLimit).contains(maxChunkCount), "maxChunkCount",
            "from 1 to \(CookieChunks.maxChunkCountLimit) (is \(maxChunkCount))")
        try require((1...64).contains(maxOpenAttempts), "maxOpenAttempts", "from 1 to 64 (is \(maxOpenAttempts))")
        try require(
            (1...Self.maxReadByteCount).contains(maxCookieHeaderByteCount), "maxCookieHeaderByteCount",
            "from 1 to \(Self.maxReadByteCount) (is \(maxCookieHeaderByteCount))")
        try require(
            (1...Self.maxReadPairCount).contains(maxCookieCount), "maxCookieCount",
            "from 1 to \(Self.maxReadPairCount) (is \(maxCookieCount))")
        try require(
            (1...Self.browserNameValueLimit).contains(budget.maxNameValueByteCount), "budget.maxNameValueByteCount",
            "from 1 to \(Self.browserNameValueLimit), what browsers keep (is \(budget.maxNameValueByteCount))")
        try require(
            (1...Self.proxyLineLimit).contains(budget.maxSetCookieByteCount ?? 1), "budget.maxSetCookieByteCount",
            "from 1 to \(Self.proxyLineLimit), the header line default proxies accept, or nil")
        // One derived from the other: a session over the read limit would be written and then
        // refused on every request.
        let readable = maxCookieHeaderByteCount + Self.cookieLineFraming
        try require(
            (1...readable).contains(budget.requestHeaderByteCount), "budget.requestHeaderByteCount",
            "from 1 to \(readable), maxCookieHeaderByteCount plus \"Cookie: \" and CRLF, or this reader would refuse the sessions it writes; raise maxCookieHeaderByteCount with it (is \(budget.requestHeaderByteCount))"
        )
        try require(
            (0..<budget.requestHeaderByteCount).contains(budget.otherCookiesReserve), "budget.otherCookiesReserve",
            "0 or more and below requestHeaderByteCount (is \(budget.otherCookiesReserve))")
    }

    private func require(
        _ isValid: Bool, _ setting: String, _ allowed: @autoclosure () -> String
    ) throws(SessionCookieError) {
        if !isValid { throw .invalidConfiguration(setting: setting, allowed: allowed()) }
    }
}
