import Foundation

/// How much of a browser's cookie budget a `Set-Cookie` line uses.
struct CookieSizeReport {
    /// What browsers keep of one cookie: name + value (RFC 6265bis, section 5.4).
    static let cookieBudget = 4096

    let setCookieLine: String

    var nameValueLength: Int { setCookieLine.prefix { $0 != ";" }.utf8.count }

    var lines: [String] {
        let share = Double(nameValueLength) / Double(Self.cookieBudget) * 100
        return [
            "Set-Cookie line: \(setCookieLine.utf8.count) bytes (name, value and attributes)",
            "name=value:      \(nameValueLength) bytes, \(String(format: "%.1f", share))% of the \(Self.cookieBudget)-byte budget per cookie",
        ]
    }
}
