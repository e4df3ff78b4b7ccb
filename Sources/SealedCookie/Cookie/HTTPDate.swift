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

    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The date's IMF-fixdate text (fractions of a second are dropped), or nil when its year is
    /// outside ``years``.
    static func format(_ date: Date) -> String? {
        let interval = date.timeIntervalSince1970.rounded(.down)
        // Years 1601...9999 are -11644473600...253402300799 seconds.
        guard interval.isFinite, interval >= -11_644_473_600, interval <= 253_402_300_799 else { return nil }
        let date = CivilDate(unixSeconds: Int64(interval))
        // Written as bytes into one buffer: it is formatted on every write of a session cookie.
        var text: [UInt8] = []
        text.reserveCapacity(29)
        text += weekdays[Int(date.weekday)].utf8
        text += ", ".utf8
        text.appendDecimal(date.day, width: 2)
        text.append(UInt8(ascii: " "))
        text += months[Int(date.month) - 1].utf8
        text.append(UInt8(ascii: " "))
        text.appendDecimal(date.year, width: 4)
        text.append(UInt8(ascii: " "))
        text.appendTimeOfDay(date)
        text += " GMT".utf8
        return String(decoding: text, as: UTF8.self)
    }
}
