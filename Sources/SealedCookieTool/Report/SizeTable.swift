/// The size report as rows of text cells, shared by the terminal and Markdown renderers.
struct SizeTable {
    let headers: [String]
    let rows: [[String]]
    /// Columns after the first are numbers, right-aligned.
    let numericFrom = 1

    init(_ result: SizeReportResult) {
        let settings = result.settings
        // What each compared option costs goes next to the value characters.
        headers =
            ["document", "JSON B", "compressed B", "sealed B", "value chars"]
            + settings.comparedWithout.map { "without \($0)" }
            + [
                "Set-Cookie B", "of \(settings.cookieByteLimit)", "chunks",
                "fits \(settings.requestBudget)−\(settings.reserve) B request",
            ]
        rows = result.documents.map { row in
            let sizes: [String] = [
                row.name,
                "\(row.jsonBytes)",
                row.compressed ? "\(row.payloadBytes)" : "\(row.payloadBytes) (stored)",
                "\(row.sealedBytes)",
                "\(row.valueCharacters)",
            ]
            let cookies: [String] = [
                row.setCookieBytes.map { "\($0)" } ?? "refused",
                "\(Int((row.cookieLimitShare * 100).rounded()))%",
                row.chunks.map { "\($0)" } ?? "> \(settings.maxChunks)",
                row.cookieHeaderBytes.map { row.fitsRequestBudget ? "yes (\($0))" : "NO (\($0))" } ?? "NO",
            ]
            return sizes + row.optionCosts.map(\.text) + cookies
        }
    }

    /// Aligned columns for a terminal.
    func terminal() -> String {
        let widths = headers.indices.map { column in
            ([headers[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return column >= numericFrom ? pad + cell : cell + pad
            }.joined(separator: "  ")
        }
        let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
        return ([line(headers), rule] + rows.map(line)).joined(separator: "\n")
    }

    /// A GitHub-flavoured Markdown table.
    func markdown() -> String {
        let align = headers.indices.map { $0 >= numericFrom ? "---:" : "---" }
        func line(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }
        return ([line(headers), line(align)] + rows.map(line)).joined(separator: "\n")
    }
}
