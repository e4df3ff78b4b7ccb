/// A moment in UTC as calendar fields, and back: the arithmetic the cookie's `Expires` date and
/// key-ring activation times share.
///
/// Proleptic Gregorian calendar on Unix seconds, with Howard Hinnant's `days_from_civil` and
/// `civil_from_days`: no `Calendar`, locale or time zone, so it is exact, allocation free and
/// safe from any task.
struct CivilDate: Equatable {
    let year: Int64
    /// 1...12.
    let month: Int64
    /// 1...31.
    let day: Int64
    /// 0...23.
    let hour: Int64
    /// 0...59.
    let minute: Int64
    /// 0...59.
    let second: Int64
    /// Days since 1970-01-01, negative before it. `init(unixSeconds:)` gets it from its first
    /// division and the field init from `days_from_civil`, so ``weekday`` (on the path of every
    /// `Expires`) and ``unixSeconds`` need no second division or calendar pass. The fields are
    /// constants so that it cannot go stale.
    let daysSinceEpoch: Int64
    /// 0 is Sunday, 6 is Saturday.
    var weekday: Int64 { ((daysSinceEpoch + 4) % 7 + 7) % 7 }

    /// The fields of the whole second `unixSeconds` falls in.
    init(unixSeconds: Int64) {
        let (days, secondOfDay) = Self.floorDivide(unixSeconds, 86_400)
        daysSinceEpoch = days
        let shifted = days + 719_468
        let era = Self.floorDivide(shifted, 146_097).quotient
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        hour = secondOfDay / 3600
        minute = secondOfDay / 60 % 60
        second = secondOfDay % 60
    }

    /// Fields as given; nil when one is out of range (a 31st of April, a 25th hour, a 60th
    /// second), so that nothing rolls over.
    init?(year: Int64, month: Int64, day: Int64, hour: Int64, minute: Int64, second: Int64) {
        guard (1...12).contains(month), (1...Self.daysInMonth(month, of: year)).contains(day),
            (0..<24).contains(hour), (0..<60).contains(minute), (0..<60).contains(second)
        else { return nil }
        (self.year, self.month, self.day) = (year, month, day)
        (self.hour, self.minute, self.second) = (hour, minute, second)
        let shifted = month <= 2 ? year - 1 : year
        let era = Self.floorDivide(shifted, 400).quotient
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        daysSinceEpoch = era * 146_097 + dayOfEra - 719_468
    }

    /// Seconds since 1970-01-01T00:00:00Z.
    var unixSeconds: Int64 { ((daysSinceEpoch * 24 + hour) * 60 + minute) * 60 + second }

    private static func daysInMonth(_ month: Int64, of year: Int64) -> Int64 {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Division rounding toward negative infinity, so that times before 1970 split correctly.
    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let quotient = value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
        return (quotient, value - quotient * divisor)
    }
}

extension [UInt8] {
    /// Appends the last `width` decimal digits of `value` (0 or more), with leading zeros.
    mutating func appendDecimal(_ value: Int64, width: Int) {
        var divisor: Int64 = 1
        for _ in 1..<width { divisor *= 10 }
        while divisor > 0 {
            append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }

    /// Appends `date`'s time of day as `HH:MM:SS`, the form HTTP dates and RFC 3339 share.
    mutating func appendTimeOfDay(_ date: CivilDate) {
        appendDecimal(date.hour, width: 2)
        append(UInt8(ascii: ":"))
        appendDecimal(date.minute, width: 2)
        append(UInt8(ascii: ":"))
        appendDecimal(date.second, width: 2)
    }
}
