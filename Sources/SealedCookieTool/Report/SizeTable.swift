/// The size report as rows of text cells, shared by the terminal and Markdown renderers.
struct SizeTable {
    let headers: [String]
    let rows: [[String]]
    /// Columns after the first are numbers, right-aligned.
    let numericFrom = 1

    init(_ result: SizeReportResult) {
        let budget = result.settings.requestBudget
        headers = [
            "document", "JSON B", "compressed B", "sealed B", "value chars", "Set-Cookie B",
            "of \(result.settings.cookieByteLimit)", "chunks", "fits \(budget) B request",
        ]
        rows = result.documents.map { row in
            [
                row.name,
                "\(row.jsonBytes)",
                row.compressed ? "\(row.payloadBytes)" : "\(row.payloadBytes) (stored)",
                "\(row.sealedBytes)",
                "\(row.valueCharacters)",
                "\(row.setCookieBytes)",
                "\(Int((row.cookieLimitShare * 100).rounded()))%",
                "\(row.chunks)",
                row.fitsRequestBudget ? "yes (\(row.cookieHeaderBytes))" : "NO (\(row.cookieHeaderBytes))",
            ]
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
