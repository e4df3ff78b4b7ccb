/// The size report as an SVG bar chart: for each document, its JSON, its cookie value and its
/// Set-Cookie lines, against the per-cookie browser limit.
struct SizeChart {
    private struct Series {
        let label: String
        let color: String
        let value: (SizeMeasurement) -> Int
    }

    /// Colours of the bars for the value without an option.
    private static let comparisonColors = ["#8fb3f5", "#7cc4a4", "#c39bd3"]
    /// Legend entries in one row.
    private static let legendColumns = 4

    let result: SizeReportResult

    /// JSON, value, the value without each compared option (next to it), and Set-Cookie bytes.
    private var series: [Series] {
        var series = [
            Series(label: "session JSON (bytes)", color: "#9aa5b1", value: \.jsonBytes),
            Series(label: "cookie value (characters)", color: "#2f6fdf", value: \.valueCharacters),
        ]
        for (index, option) in result.settings.comparedWithout.enumerated() {
            series.append(
                Series(
                    label: "value without \(option)", color: Self.comparisonColors[index % Self.comparisonColors.count],
                    value: { $0.optionCosts.dropFirst(index).first?.valueCharactersWithout ?? 0 }))
        }
        series.append(Series(label: "Set-Cookie headers (bytes)", color: "#e8912d", value: { $0.setCookieBytes ?? 0 }))
        return series
    }

    func svg() -> String {
        let series = self.series
        let legendRows = (series.count + Self.legendColumns - 1) / Self.legendColumns
        let labelWidth = 150.0
        let plotWidth = 640.0
        let barHeight = 14.0
        let groupGap = 16.0
        let top = 74.0 + Double(legendRows - 1) * 18
        let groupHeight = Double(series.count) * barHeight + groupGap
        let height = top + Double(result.documents.count) * groupHeight + 40
        let width = labelWidth + plotWidth + 90
        let limit = result.settings.cookieByteLimit
        let largest = result.documents.flatMap { row in series.map { $0.value(row) } }.max() ?? 0
        let scaleMax = Double(max(largest, limit)) * 1.08
        let x = { (value: Int) in labelWidth + Double(value) / scaleMax * plotWidth }

        var out: [String] = []
        out.append(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" "
                + "viewBox=\"0 0 \(Int(width)) \(Int(height))\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">"
        )
        out.append("<title>SealedCookie size report</title>")
        out.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>")
        out.append(
            "<text x=\"16\" y=\"24\" font-size=\"16\" font-weight=\"bold\" fill=\"#1f2933\">Session size on the way to the browser</text>"
        )
        out.append(
            "<text x=\"16\" y=\"42\" fill=\"#52606d\">\(Self.escaped(subtitle))</text>")
        for (index, entry) in series.enumerated() {
            let legendX = 16.0 + Double(index % Self.legendColumns) * 200
            let legendY = 52.0 + Double(index / Self.legendColumns) * 18
            out.append("<rect x=\"\(legendX)\" y=\"\(legendY)\" width=\"12\" height=\"12\" fill=\"\(entry.color)\"/>")
            out.append(
                "<text x=\"\(legendX + 16)\" y=\"\(legendY + 10)\" fill=\"#1f2933\">\(Self.escaped(entry.label))</text>"
            )
        }
        for (index, row) in result.documents.enumerated() {
            let groupTop = top + Double(index) * groupHeight
            out.append(
                "<text x=\"\(labelWidth - 8)\" y=\"\(groupTop + Double(series.count) * barHeight / 2 + 4)\" "
                    + "text-anchor=\"end\" fill=\"#1f2933\">\(Self.escaped(row.name))</text>")
            for (position, entry) in series.enumerated() {
                let value = entry.value(row)
                let y = groupTop + Double(position) * barHeight
                let barWidth = max(1, x(value) - labelWidth)
                out.append(
                    "<rect x=\"\(labelWidth)\" y=\"\(y + 1)\" width=\"\(Self.format(barWidth))\" "
                        + "height=\"\(barHeight - 2)\" fill=\"\(entry.color)\"/>")
                out.append(
                    "<text x=\"\(Self.format(labelWidth + barWidth + 4))\" y=\"\(y + barHeight - 3)\" "
                        + "font-size=\"10\" fill=\"#52606d\">\(value)</text>")
            }
        }
        let limitX = Self.format(x(limit))
        let plotBottom = top + Double(result.documents.count) * groupHeight - groupGap / 2
        out.append(
            "<line x1=\"\(limitX)\" y1=\"\(top - 6)\" x2=\"\(limitX)\" y2=\"\(plotBottom)\" "
                + "stroke=\"#d64545\" stroke-width=\"1.5\" stroke-dasharray=\"5 4\"/>")
        out.append(
            "<text x=\"\(limitX)\" y=\"\(plotBottom + 16)\" text-anchor=\"middle\" fill=\"#d64545\">"
                + "\(limit)-byte cookie limit</text>")
        out.append(
            "<line x1=\"\(labelWidth)\" y1=\"\(top - 6)\" x2=\"\(labelWidth)\" y2=\"\(plotBottom)\" stroke=\"#cbd2d9\"/>"
        )
        out.append("</svg>")
        return out.joined(separator: "\n") + "\n"
    }

    private var subtitle: String {
        let settings = result.settings
        var parts = ["cookie \"\(settings.cookieName)\"", "compression \(settings.compression)"]
        if let padding = settings.paddingBlockSize { parts.append("padding \(padding)") }
        if settings.paddingSizeClasses { parts.append("padding to size classes") }
        if !settings.secretFields.isEmpty {
            parts.append("secret fields \(settings.secretFields.joined(separator: ", "))")
        }
        if let domain = settings.domain { parts.append("Domain=\(domain)") }
        return parts.joined(separator: ", ")
    }

    private static func format(_ value: Double) -> String {
        String(Double(Int(value * 10)) / 10)
    }

    /// Text content and attribute values escaped for XML.
    static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(character)
            }
        }
        return out
    }
}
