import ArgumentParser
import SealedCookie

/// `--same-site lax|strict|none`: the library's ``SameSite`` on the command line.
enum SameSiteOption: String, ExpressibleByArgument, CaseIterable {
    case lax, strict, none

    var sameSite: SameSite {
        switch self {
        case .lax: .lax
        case .strict: .strict
        case .none: .none
        }
    }
}
