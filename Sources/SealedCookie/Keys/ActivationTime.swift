package import Foundation

/// Activation times as ring text writes them: RFC 3339 in UTC to the second,
/// `2026-12-10T00:00:00Z`.
///
/// Parsed by hand on the bytes of the ring text (which the caller zeroes) rather than with a
/// date formatter: no locale, no calendar, no copy of the surrounding key material, and every
/// field checked (a 31st of April or a 25th hour is refused rather than rolled over).
package enum ActivationTime {
    /// Why an activation time was refused.
    package enum Failure: Error, Equatable {
        /// Not of the form `YYYY-MM-DDTHH:MM:SSZ`, or a field out of range.
        case malformed
        /// Well formed, but with an offset other than UTC (`Z` or `+00:00`).
        case notUTC
    }

    /// The example every error message shows.
    package static let example = "2026-12-10T00:00:00Z"

    /// Parses `YYYY-MM-DDTHH:MM:SS` followed by `Z` or `+00:00` (`T` and `Z` in either case, as
    /// RFC 3339 allows). Fractional seconds are refused: the envelope counts whole seconds. Any
    /// other offset, `-00:00` included (RFC 3339: "local time unknown"), is ``Failure/notUTC``.
    package static func parse(_ text: some Collection<UInt8>) -> Result<Date, Failure> {
        let bytes = Array(text)
        guard bytes.count >= 20 else { return .failure(.malformed) }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        func byte(_ index: Int, is characters: String) -> Bool {
            characters.utf8.contains(bytes[index])
        }
        guard let year = number(0..<4), byte(4, is: "-"), let month = number(5..<7), byte(7, is: "-"),
            let day = number(8..<10), byte(10, is: "Tt"), let hour = number(11..<13), byte(13, is: ":"),
            let minute = number(14..<16), byte(16, is: ":"), let second = number(17..<19),
            (1...12).contains(month), (1...daysInMonth(month, of: year)).contains(day), hour < 24, minute < 60,
            second < 60
        else { return .failure(.malformed) }
        let offset = bytes[19...]
        if offset.count == 1, byte(19, is: "Zz") {
            // UTC.
        } else if offset.count == 6, byte(19, is: "+-"), let hours = number(20..<22), byte(22, is: ":"),
            let minutes = number(23..<25), minutes < 60
        {
            guard bytes[19] == UInt8(ascii: "+"), hours == 0, minutes == 0 else { return .failure(.notUTC) }
        } else {
            return .failure(.malformed)
        }
        let days = daysSinceEpoch(year: year, month: month, day: day)
        let seconds = ((days * 24 + hour) * 60 + minute) * 60 + second
        return .success(Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    /// `date` as ``parse(_:)`` reads it, to the second (rounded down), with `Z`.
    package static func format(_ date: Date) -> String {
        let total = Int(date.timeIntervalSince1970.rounded(.down))
        let (days, secondOfDay) = floorDivide(total, 86_400)
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let yearText = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        return "\(yearText)-\(two(month))-\(two(day))T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60))"
            + ":\(two(secondOfDay % 60))Z"
    }

    private static func isLeap(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    private static func daysInMonth(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func floorDivide(_ value: Int, _ divisor: Int) -> (quotient: Int, remainder: Int) {
        let quotient = value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
        return (quotient, value - quotient * divisor)
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let shifted = month <= 2 ? year - 1 : year
        let era = floorDivide(shifted, 400).quotient
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The inverse of ``daysSinceEpoch(year:month:day:)`` (Hinnant's `civil_from_days`).
    private static func civilDate(daysSinceEpoch days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = floorDivide(shifted, 146_097).quotient
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
