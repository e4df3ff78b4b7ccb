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
        func number(_ range: Range<Int>) -> Int64? {
            var value: Int64 = 0
            for index in range {
                let byte = bytes[index]
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int64(byte - UInt8(ascii: "0"))
            }
            return value
        }
        func byte(_ index: Int, is characters: String) -> Bool {
            characters.utf8.contains(bytes[index])
        }
        guard let year = number(0..<4), byte(4, is: "-"), let month = number(5..<7), byte(7, is: "-"),
            let day = number(8..<10), byte(10, is: "Tt"), let hour = number(11..<13), byte(13, is: ":"),
            let minute = number(14..<16), byte(16, is: ":"), let second = number(17..<19),
            let date = CivilDate(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
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
        return .success(Date(timeIntervalSince1970: TimeInterval(date.unixSeconds)))
    }

    /// The times ring text can write: years 0000 to 9999, in whole seconds.
    private static let writableRange: ClosedRange<TimeInterval> = -62_167_219_200...253_402_300_799

    /// `date` as ring text can write it: rounded down to the second and brought within the years
    /// 0000–9999 (a time that is not a number counts as the earliest). A ring entry keeps its
    /// activation this way, so its text reads back as the same time.
    package static func writable(_ date: Date) -> Date {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        guard !seconds.isNaN else { return Date(timeIntervalSince1970: writableRange.lowerBound) }
        return Date(timeIntervalSince1970: min(max(seconds, writableRange.lowerBound), writableRange.upperBound))
    }

    /// `date` as ``parse(_:)`` reads it, to the second (rounded down), with `Z`; a time outside
    /// the years 0000–9999 is written as the nearest one within them.
    package static func format(_ date: Date) -> String {
        let date = CivilDate(unixSeconds: Int64(writable(date).timeIntervalSince1970))
        var text: [UInt8] = []
        text.reserveCapacity(20)
        text.appendDecimal(date.year, width: 4)
        text.append(UInt8(ascii: "-"))
        text.appendDecimal(date.month, width: 2)
        text.append(UInt8(ascii: "-"))
        text.appendDecimal(date.day, width: 2)
        text.append(UInt8(ascii: "T"))
        text.appendTimeOfDay(date)
        text.append(UInt8(ascii: "Z"))
        return String(decoding: text, as: UTF8.self)
    }
}
