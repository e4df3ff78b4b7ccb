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
            "Pretend the clock reads this time, in Unix seconds (to reproduce or test expiry).", valueName: "seconds"))
    var now: Int?

    /// The clock the codec reads.
    var clock: @Sendable () -> Date {
        guard let now else { return { Date() } }
        let fixed = Date(timeIntervalSince1970: TimeInterval(now))
        return { fixed }
    }
}
