import Foundation
import SealedCookieTestSupport
import Testing

@testable import SealedCookie

/// The calendar arithmetic behind `Expires` and activation times, against Foundation's calendar.
@Suite struct CivilDateTests {
    /// 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z.
    static let range: ClosedRange<Int64> = -62_167_219_200...253_402_300_799
    /// 1583-01-01T00:00:00Z: Foundation's Gregorian calendar counts earlier dates as Julian.
    static let gregorianInFoundation: Int64 = -12_212_553_600

    @Test("fields, weekday and seconds agree with Foundation's Gregorian calendar in UTC")
    func agreesWithFoundation() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        var generator = SeededGenerator.forTest()
        for _ in 0..<5000 {
            let seconds = Int64.random(in: Self.gregorianInFoundation...Self.range.upperBound, using: &generator)
            let date = CivilDate(unixSeconds: seconds)
            let expected = calendar.dateComponents(
                [.year, .month, .day, .hour, .minute, .second, .weekday],
                from: Date(timeIntervalSince1970: TimeInterval(seconds)))
            let fields = [date.year, date.month, date.day, date.hour, date.minute, date.second, date.weekday + 1]
            let foundation = [
                expected.year, expected.month, expected.day, expected.hour, expected.minute, expected.second,
                expected.weekday,
            ].map { Int64($0 ?? -1) }
            #expect(fields == foundation, "\(seconds)")
        }
    }

    @Test("every second from year 0000 to 9999 splits into valid fields and joins back")
    func roundTrip() throws {
        var generator = SeededGenerator.forTest()
        let edges: [Int64] = [Self.range.lowerBound, -1, 0, 951_782_400, Self.range.upperBound]
        for seconds in edges + (0..<5000).map({ _ in Int64.random(in: Self.range, using: &generator) }) {
            let date = CivilDate(unixSeconds: seconds)
            let rebuilt = try #require(
                CivilDate(
                    year: date.year, month: date.month, day: date.day, hour: date.hour, minute: date.minute,
                    second: date.second), "\(seconds)")
            #expect(rebuilt.unixSeconds == seconds)
            #expect((0...9999).contains(date.year))
        }
        #expect(CivilDate(unixSeconds: Self.range.lowerBound).year == 0)
        #expect(CivilDate(unixSeconds: 0).weekday == 4)  // 1970-01-01 was a Thursday.
    }

    @Test("fields out of range are refused, not rolled over")
    func refusesRollOver() {
        #expect(CivilDate(year: 2026, month: 4, day: 31, hour: 0, minute: 0, second: 0) == nil)
        #expect(CivilDate(year: 2026, month: 2, day: 29, hour: 0, minute: 0, second: 0) == nil)
        #expect(CivilDate(year: 2000, month: 2, day: 29, hour: 0, minute: 0, second: 0) != nil)
        #expect(CivilDate(year: 1900, month: 2, day: 29, hour: 0, minute: 0, second: 0) == nil)
        #expect(CivilDate(year: 2026, month: 13, day: 1, hour: 0, minute: 0, second: 0) == nil)
        #expect(CivilDate(year: 2026, month: 1, day: 1, hour: 24, minute: 0, second: 0) == nil)
        #expect(CivilDate(year: 2026, month: 1, day: 1, hour: 0, minute: 60, second: 0) == nil)
        #expect(CivilDate(year: 2026, month: 1, day: 1, hour: 0, minute: 0, second: 60) == nil)
    }
}

/// Activation times that ring text cannot write, given through the Swift API.
@Suite struct UnwritableActivationTests {
    @Test("an activation outside the years 0000–9999, not a number or with a fraction is kept as ring text writes it")
    func keptWritable() throws {
        let key = try SessionKey.generate(id: 1)
        let dictionary = try SessionDictionary(id: 1, bytes: Array(repeating: 7, count: 64))
        let cases: [(TimeInterval, String)] = [
            (.infinity, "9999-12-31T23:59:59Z"), (1e300, "9999-12-31T23:59:59Z"),
            (-.infinity, "0000-01-01T00:00:00Z"), (-1e300, "0000-01-01T00:00:00Z"), (.nan, "0000-01-01T00:00:00Z"),
            (1_796_860_800.75, "2026-12-10T00:00:00Z"), (-0.5, "1969-12-31T23:59:59Z"),
        ]
        for (seconds, text) in cases {
            let entry = KeyRing.Entry(key: key, activation: Date(timeIntervalSince1970: seconds))
            #expect(entry.description == "1@\(text)", "\(seconds)")
            // The ring's text reads back as the same entry.
            let ring = try KeyRing(entries: [entry])
            #expect(try KeyRing(text: ring.exportText()).entries == [entry], "\(seconds)")
            let staged = SessionDictionaryRing.Entry(
                dictionary: dictionary, activation: Date(timeIntervalSince1970: seconds))
            #expect(staged.description == "1@\(text)", "\(seconds)")
        }
    }
}
