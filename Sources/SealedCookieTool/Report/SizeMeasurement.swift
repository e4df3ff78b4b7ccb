/// How big one session document becomes at each step to the browser.
struct SizeMeasurement: Encodable {
    /// The document's file name without `.json`.
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
    /// Every `Set-Cookie: …` line together (without line ends).
    let setCookieBytes: Int
    /// Name plus value over the per-cookie limit; above 1 means chunks.
    let cookieLimitShare: Double
    /// The cookies needed (1 when it fits one cookie).
    let chunks: Int
    /// The `Cookie: …` request header line that carries it back.
    let cookieHeaderBytes: Int
    /// Whether that line fits the request budget.
    let fitsRequestBudget: Bool
}

/// A size report: the settings it was measured with and one row per document.
struct SizeReportResult: Encodable {
    struct Settings: Encodable {
        let cookieName: String
        let domain: String?
        let compression: String
        let paddingBlockSize: Int?
        let cookieByteLimit: Int
        let requestBudget: Int
    }

    let settings: Settings
    let documents: [SizeMeasurement]
}
