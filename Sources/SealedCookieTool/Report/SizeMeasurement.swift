/// How big one session document becomes at each step to the browser.
struct SizeMeasurement: Encodable {
    /// The document's name (its file name without `.json`).
    let name: String
    /// Compact JSON.
    let jsonBytes: Int
    /// The payload that is encrypted: after compression (with its length prefix) and padding.
    let payloadBytes: Int
    /// Whether compression was kept (it is only when it makes the payload smaller).
    let compressed: Bool
    /// Header, nonce, ciphertext and tag.
    let sealedBytes: Int
    /// The base64url cookie value.
    let valueCharacters: Int
    /// Name plus the whole value over the per-cookie limit; above 1 means chunks.
    let cookieLimitShare: Double
    /// The Set-Cookie header values the cookie layer writes, together (name, value and
    /// attributes, counted as the per-line limit counts them); nil when it refuses the session.
    let setCookieBytes: Int?
    /// The cookies written (1 when it fits one cookie); nil when refused.
    let chunks: Int?
    /// The session's share of the request's `Cookie` line, as ``CookieBudget`` counts it; nil
    /// when refused.
    let cookieHeaderBytes: Int?
    /// Whether that share leaves the reserve free in the request budget.
    let fitsRequestBudget: Bool
    /// Why the cookie layer refuses to write the session (a per-cookie limit, or more cookies
    /// than allowed), or nil.
    let refusal: String?
    /// What each option compared in the report adds to the value, in the report's order.
    var optionCosts: [OptionCost] = []
}

/// A size report: the settings it was measured with and one row per document.
struct SizeReportResult: Encodable {
    struct Settings: Encodable {
        let cookieName: String
        let domain: String?
        let compression: String
        /// The dictionary's id, size, kind and fingerprint, when one is used.
        let dictionary: String?
        let paddingBlockSize: Int?
        let paddingSizeClasses: Bool
        let secretFields: [String]
        /// The options each document is also measured without (``SizeMeasurement/optionCosts``).
        let comparedWithout: [String]
        let cookieByteLimit: Int
        let setCookieByteLimit: Int?
        let maxChunks: Int
        let requestBudget: Int
        let reserve: Int
    }

    let settings: Settings
    let documents: [SizeMeasurement]
}
