#if Macros
/// Spells a JSON key as Swift source: a string literal that denotes exactly the key's Unicode
/// scalars, whatever they are (the key came from a CodingKeys raw value, which may hold a
/// quote, a backslash, a newline or a combining mark that must not merge with the quote).
enum SwiftStringLiteral {
    static func quoted(_ value: String) -> String {
        var literal = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": literal += "\\\\"
            case "\"": literal += "\\\""
            case "\n": literal += "\\n"
            case "\r": literal += "\\r"
            case "\t": literal += "\\t"
            case "\0": literal += "\\0"
            default:
                if isSafeVerbatim(scalar) {
                    literal.unicodeScalars.append(scalar)
                } else {
                    literal += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                }
            }
        }
        return literal + "\""
    }

    /// Whether a scalar reads the same written as itself: not a control, format or separator
    /// character (invisible, or a line break the lexer would see), nor a mark that would
    /// combine with the character before it.
    private static func isSafeVerbatim(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned,
            .nonspacingMark, .spacingMark, .enclosingMark,
            .spaceSeparator, .lineSeparator, .paragraphSeparator:
            return false
        default:
            return true
        }
    }
}
#endif
