import Foundation
public import SealedCookie

/// The `--dictionary ID:PATH[@TIME]` option both example nodes take, repeated, read into a
/// ``SessionDictionaryRing``: the cluster test stages a dictionary with it as it stages a key
/// in the ring text.
public enum ExampleDictionaries {
    /// The option's syntax, for help texts and errors.
    public static let syntax = "ID:PATH[@TIME]"

    /// Why an option was refused.
    public struct Invalid: Error, CustomStringConvertible {
        public var description: String
    }

    /// The ring the options give, in the order given, or nil for none (the nodes then compress
    /// with the codec's default, the built-in generic dictionary).
    ///
    /// Each option is a dictionary id (1...255), a colon, the dictionary file (trained, or raw
    /// content such as sample sessions' JSON) and optionally `@` and its activation time, RFC
    /// 3339 in UTC to the second (`@2026-12-10T00:00:00Z`), as key ring entries take it.
    /// - Throws: ``Invalid`` for a malformed option or time; the ring's and the dictionary's
    ///   errors.
    public static func ring(options: [String]) throws -> SessionDictionaryRing? {
        guard !options.isEmpty else { return nil }
        let entries = try options.map { option in
            guard let colon = option.firstIndex(of: ":"), let id = UInt8(option[..<colon]), id > 0 else {
                throw Invalid(description: "--dictionary \(option): expected \(syntax), ID from 1 to 255")
            }
            var path = option[option.index(after: colon)...]
            var activation: Date?
            // A time has no `@`, so the last one ends the path.
            if let at = path.lastIndex(of: "@") {
                let time = String(path[path.index(after: at)...])
                guard time.hasSuffix("Z"), let date = activationFormat.date(from: time) else {
                    throw Invalid(description: "--dictionary \(option): the time must be like 2026-12-10T00:00:00Z")
                }
                activation = date
                path = path[..<at]
            }
            let dictionary = try SessionDictionary(contentsOfFile: String(path), id: id)
            return SessionDictionaryRing.Entry(dictionary: dictionary, activation: activation)
        }
        return try SessionDictionaryRing(entries: entries)
    }

    /// RFC 3339 in UTC to the second: `2026-12-10T00:00:00Z`.
    private static var activationFormat: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter
    }
}
