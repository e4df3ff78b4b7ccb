import ArgumentParser
import SealedCookie

/// The size limits a session's cookies are checked against (``CookieBudget``; its documentation
/// gives the exact accounting). The cookie layer checks the values themselves.
struct BudgetOptions: ParsableArguments {
    private static let defaults = CookieBudget()

    @Option(
        name: .customLong("cookie-limit"),
        help: ArgumentHelp(
            "The most bytes of name plus value for one cookie, at most what browsers keep.", valueName: "bytes"))
    var cookieLimit = defaults.maxNameValueByteCount

    @Option(
        name: .customLong("set-cookie-limit"),
        help: ArgumentHelp(
            "The most bytes of one Set-Cookie header value with its attributes, for older browsers "
                + "(default: \(defaults.maxSetCookieByteCount.map(String.init) ?? "none")).",
            valueName: "bytes"))
    var setCookieLimit: Int?

    @Option(
        name: .customLong("request-budget"),
        help: ArgumentHelp(
            "The bytes a Cookie request header line may take (the nginx and Apache default).", valueName: "bytes"))
    var requestBudget = defaults.requestHeaderByteCount

    @Option(
        help: ArgumentHelp(
            "The bytes of the request budget kept for the site's other cookies.", valueName: "bytes"))
    var reserve = defaults.otherCookiesReserve

    /// The library refuses a limit browsers would not honour; this says so before any work.
    func validate() throws {
        let browserLimit = Self.defaults.maxNameValueByteCount
        guard cookieLimit > browserLimit else { return }
        throw ValidationError(
            "--cookie-limit \(cookieLimit) is over the \(browserLimit) bytes browsers keep for one cookie: "
                + "a browser would silently drop the cookie. Use \(browserLimit) or less.")
    }

    var budget: CookieBudget {
        CookieBudget(
            maxNameValueByteCount: cookieLimit,
            maxSetCookieByteCount: setCookieLimit ?? Self.defaults.maxSetCookieByteCount,
            requestHeaderByteCount: requestBudget, otherCookiesReserve: reserve)
    }
}
