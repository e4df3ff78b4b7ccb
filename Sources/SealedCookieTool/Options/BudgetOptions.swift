import ArgumentParser
import SealedCookie

/// The size limits a session's cookies are checked against (``CookieBudget``; its documentation
/// gives the exact accounting). The cookie layer checks the values themselves.
struct BudgetOptions: ParsableArguments {
    private static let defaults = CookieBudget()

    @Option(
        name: .customLong("cookie-limit"),
        help: ArgumentHelp("The most bytes of name plus value for one cookie (what browsers keep).", valueName: "bytes"))
    var cookieLimit = defaults.maxNameValueByteCount

    @Flag(
        name: .customLong("experiment-over-browser-limit"),
        help: "Accept a --cookie-limit over the \(defaults.maxNameValueByteCount) bytes browsers keep, for experiments: browsers drop such cookies.")
    var overBrowserLimit = false

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

    func validate() throws {
        let browserLimit = Self.defaults.maxNameValueByteCount
        guard cookieLimit > browserLimit else { return }
        guard overBrowserLimit else {
            throw ValidationError(
                "--cookie-limit \(cookieLimit) is over the \(browserLimit) bytes browsers keep for one cookie: "
                    + "a browser would silently drop the cookie. For an experiment, add --experiment-over-browser-limit.")
        }
        Diagnostics.warning(
            "EXPERIMENT: --cookie-limit \(cookieLimit) is over the \(browserLimit) bytes browsers keep for one cookie; "
                + "browsers DROP cookies this large, and users are logged out. Never deploy these settings.")
    }

    var budget: CookieBudget {
        CookieBudget(
            maxNameValueByteCount: cookieLimit, maxSetCookieByteCount: setCookieLimit ?? Self.defaults.maxSetCookieByteCount,
            requestHeaderByteCount: requestBudget, otherCookiesReserve: reserve)
    }
}
