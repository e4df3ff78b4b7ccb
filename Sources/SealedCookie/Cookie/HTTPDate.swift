import Foundation

/// The IMF-fixdate form of RFC 9110 section 5.6.7 (`Sun, 06 Nov 1994 08:49:37 GMT`), which
/// RFC 6265bis asks servers to use for `Expires`.
///
/// Formatted by arithmetic on Unix seconds (proleptic Gregorian calendar, always GMT), so it
/// needs no locale, time zone or `DateFormatter`, and is safe to call from any task.
enum HTTPDate {
    /// The years a cookie date can carry: RFC 6265 section 5.1.1 rejects years before 1601, and
    /// the form has four digits.
    static let years = 1601...9999

    private static let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The date's IMF-fixdate text (fractions of a second are dropped), or nil when its year is
    /// outside ``years``.
    static func format(_ date: Date) -> String? {
        let interval = date.timeIntervalSince1970.rounded(.down)
        // Years 1601...9999 are -11644473600...253402300799 seconds.
        guard interval.isFinite, interval >= -11_644_473_600, interval <= 253_402_300_799 else { return nil }
        let seconds = Int64(interval)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        let weekday = weekdays[Int(((days % 7) + 7) % 7)]
        let hour = secondOfDay / 3600
        let minute = secondOfDay / 60 % 60
        let second = secondOfDay % 60
        // Written as bytes into one buffer: it is formatted on every write of a session cookie.
        var text: [UInt8] = []
        text.reserveCapacity(29)
        text += weekday.utf8
        text += ", ".utf8
        appendDigits(day, count: 2, to: &text)
        text.append(UInt8(ascii: " "))
        text += months[Int(month) - 1].utf8
        text.append(UInt8(ascii: " "))
        appendDigits(year, count: 4, to: &text)
        text.append(UInt8(ascii: " "))
        appendDigits(hour, count: 2, to: &text)
        text.append(UInt8(ascii: ":"))
        appendDigits(minute, count: 2, to: &text)
        text.append(UInt8(ascii: ":"))
        appendDigits(second, count: 2, to: &text)
        text += " GMT".utf8
        return String(decoding: text, as: UTF8.self)
    }

    /// Appends the last `count` decimal digits of `value` (0 or more), with leading zeros.
    private static func appendDigits(_ value: Int64, count: Int, to text: inout [UInt8]) {
        var divisor: Int64 = 1
        for _ in 1..<count { divisor *= 10 }
        while divisor > 0 {
            text.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }

    /// Year, month (1...12) and day (1...31) of a day count from 1970-01-01 (H. Hinnant's
    /// `civil_from_days`).
    private static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
