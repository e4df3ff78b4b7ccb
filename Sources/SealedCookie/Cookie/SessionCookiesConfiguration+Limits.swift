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
    /// The largest ``CookieHeader/Limits/maxByteCount`` accepted (1 MiB), far above what any
    /// browser sends, so that no sum overflows; the request budget may reach it plus 10 bytes.
    public static let maxReadByteCount = 1 << 20
    /// The largest ``CookieHeader/Limits/maxPairCount`` accepted.
    static let maxReadPairCount = 4096

    /// Checks every number against its range and against the others, so that no write can
    /// overflow and every session written can be read back by the same configuration.
    /// - Throws: ``SessionCookieError/invalidConfiguration(_:)`` naming the value and its range.
    func checkLimits() throws(SessionCookieError) {
        try require(
            (1...CookieChunks.maxChunkCountLimit).contains(maxChunkCount),
            "maxChunkCount must be from 1 to \(CookieChunks.maxChunkCountLimit)")
        try require((1...64).contains(maxOpenAttempts), "maxOpenAttempts must be from 1 to 64")
        try require(
            (1...Self.maxReadByteCount).contains(headerLimits.maxByteCount)
                && (1...Self.maxReadPairCount).contains(headerLimits.maxPairCount),
            "header limits must be positive, maxByteCount at most \(Self.maxReadByteCount) and maxPairCount at most \(Self.maxReadPairCount)"
        )
        try require(
            (1...Self.browserNameValueLimit).contains(budget.maxNameValueByteCount),
            "budget.maxNameValueByteCount must be from 1 to \(Self.browserNameValueLimit), what browsers keep (is \(budget.maxNameValueByteCount))"
        )
        try require(
            (1...Self.proxyLineLimit).contains(budget.maxSetCookieByteCount ?? 1),
            "budget.maxSetCookieByteCount must be from 1 to \(Self.proxyLineLimit), the header line default proxies accept, or nil")
        // One derived from the other: a session over the read limit would be written and then
        // refused on every request.
        let readable = headerLimits.maxByteCount + Self.cookieLineFraming
        try require(
            (1...readable).contains(budget.requestHeaderByteCount),
            "budget.requestHeaderByteCount must be from 1 to \(readable), headerLimits.maxByteCount plus \"Cookie: \" and CRLF, or this reader would refuse the sessions it writes; raise headerLimits.maxByteCount with it (is \(budget.requestHeaderByteCount))"
        )
        try require(
            (0..<budget.requestHeaderByteCount).contains(budget.otherCookiesReserve),
            "budget limits must be positive and the reserve 0 or more, below requestHeaderByteCount (otherCookiesReserve is \(budget.otherCookiesReserve))"
        )
    }

    private func require(_ isValid: Bool, _ reason: @autoclosure () -> String) throws(SessionCookieError) {
        if !isValid { throw .invalidConfiguration(reason()) }
    }
}
