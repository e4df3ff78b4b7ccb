import ArgumentParser
import Foundation
import SealedCookie

/// What binds a value to its cookie: the name and the purpose. Both must match between encode
/// and decode.
struct BindingOptions: ParsableArguments {
    @Option(name: .customLong("cookie-name"), help: "The cookie's name, bound into the authenticated data.")
    var cookieName = "session"

    @Option(help: "The purpose string, bound into the authenticated data (must match the application's).")
    var purpose = "session"

    @Option(
        help: ArgumentHelp(
            "Pretend the clock reads this time, RFC 3339 in UTC (2026-12-10T00:00:00Z) or Unix seconds: expiry is "
                + "judged, and the key and dictionary that seal are chosen, as a server would at that time.",
            valueName: "time"),
        transform: ToolTime.rfc3339OrUnixSeconds)
    var now: Date?

    /// The clock the codec reads.
    var clock: @Sendable () -> Date {
        guard let now else { return { Date() } }
        return { now }
    }
}
