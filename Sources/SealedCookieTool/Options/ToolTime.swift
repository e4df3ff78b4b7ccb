import ArgumentParser
import Foundation
import SealedCookie

/// Times on the command line, read as the library reads activation times in ring text.
enum ToolTime {
    /// RFC 3339 in UTC to the second (`2026-12-10T00:00:00Z`), as a ring entry's activation.
    static func rfc3339(_ text: String) throws -> Date {
        switch ActivationTime.parse(Array(text.utf8)) {
        case .success(let date):
            return date
        case .failure(.notUTC):
            throw ValidationError("'\(text)' is not in UTC: write it with Z, as \(ActivationTime.example).")
        case .failure(.malformed):
            throw ValidationError(
                "'\(text)' is not an RFC 3339 time to the second: write it as \(ActivationTime.example).")
        }
    }

    /// RFC 3339 in UTC, or Unix seconds (what `--now` took before it read RFC 3339).
    static func rfc3339OrUnixSeconds(_ text: String) throws -> Date {
        if let seconds = Int(text) { return Date(timeIntervalSince1970: TimeInterval(seconds)) }
        return try rfc3339(text)
    }

    /// `date` as ring text writes it.
    static func format(_ date: Date) -> String {
        ActivationTime.format(date)
    }
}
