import ArgumentParser

/// A session lifetime on the command line: whole minutes, written `90`, `90m`, `12h` or `30d`.
struct Lifetime: ExpressibleByArgument, CustomStringConvertible {
    let minutes: Int

    init(minutes: Int) {
        self.minutes = minutes
    }

    init?(argument: String) {
        let multiplier: Int
        var digits = Substring(argument)
        switch argument.last {
        case "m": multiplier = 1
        case "h": multiplier = 60
        case "d": multiplier = 24 * 60
        default: multiplier = 1
        }
        if argument.last?.isLetter == true { digits = digits.dropLast() }
        guard let count = Int(digits), count > 0, count <= 400 * 24 * 60 / multiplier else { return nil }
        minutes = count * multiplier
    }

    var duration: Duration { .seconds(minutes * 60) }

    var description: String {
        if minutes % (24 * 60) == 0 { return "\(minutes / (24 * 60))d" }
        if minutes % 60 == 0 { return "\(minutes / 60)h" }
        return "\(minutes)m"
    }
}
