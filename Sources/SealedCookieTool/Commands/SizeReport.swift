import ArgumentParser
import Foundation
import SealedCookie

extension SealedCookieTool {
    /// Measures how big session documents become as cookies.
    struct SizeReport: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure how big session documents become as cookies.",
            discussion: """
                For each .json document in the folder (default: the bundled sample corpus), shows its \
                JSON bytes, the payload after compression, the sealed bytes, the cookie value \
                characters, the Set-Cookie line bytes, the share of the 4096-byte per-cookie limit, \
                the cookies needed when chunked, and whether the Cookie request header fits the \
                request budget. Sizes use a throwaway key: no key is needed.

                Examples:
                  sealed-cookie size-report
                  sealed-cookie size-report ./captured-sessions --format markdown
                  sealed-cookie size-report --format svg > sizes.svg
                  sealed-cookie size-report --no-compression --padding 256 --format json
                """)

        /// How the report is written.
        enum Format: String, ExpressibleByArgument, CaseIterable {
            case table, markdown, json, svg
        }

        @Argument(help: ArgumentHelp("A folder of session JSON documents; the bundled corpus when absent.", valueName: "folder"))
        var folder: String?

        @Option(help: "table (aligned columns), markdown, json, or svg (a bar chart).")
        var format: Format = .table

        @Option(name: .customLong("cookie-name"), help: "The cookie's name, counted in every size.")
        var cookieName = "session"

        @OptionGroup(title: "Sealing") var sealing: SealingOptions

        @Option(help: ArgumentHelp("The Domain attribute counted in Set-Cookie lines.", valueName: "domain"))
        var domain = "example.com"

        @Option(name: .customLong("request-budget"), help: ArgumentHelp("The bytes a Cookie request header may take.", valueName: "bytes"))
        var requestBudget = StandInCookieLayer.defaultRequestBudget

        @Flag(inversion: .prefixedNo, help: "Show progress on standard error (default: when it is a terminal and there are over 20 documents).")
        var progress: Bool?

        func run() throws {
            let documents = try BundledCorpus.documents(in: folder.map { URL(fileURLWithPath: $0) } ?? BundledCorpus.folder())
            let meter = try makeMeter()
            let indicator = Progress(total: documents.count, isEnabled: progress ?? (Diagnostics.isTerminal && documents.count > 20))
            var rows: [SizeMeasurement] = []
            for (index, url) in documents.enumerated() {
                let name = url.deletingPathExtension().lastPathComponent
                indicator.update(index + 1, url.lastPathComponent)
                let document = try JSONDocument(InputSource.read(url.path), origin: "'\(url.lastPathComponent)'")
                rows.append(try meter.measure(name: name, document: document))
            }
            indicator.finish()
            if folder == nil { rows.sort { $0.jsonBytes < $1.jsonBytes } }
            let result = SizeReportResult(settings: settings, documents: rows)
            switch format {
            case .table: print(SizeTable(result).terminal())
            case .markdown: print(SizeTable(result).markdown())
            case .json: print(try Self.json(result))
            case .svg: FileHandle.standardOutput.write(Data(SizeChart(result: result).svg().utf8))
            }
        }

        private var settings: SizeReportResult.Settings {
            SizeReportResult.Settings(
                cookieName: cookieName, domain: domain,
                compression: sealing.compressionDisabled ? "off" : "deflate level \(sealing.compressionLevel) when smaller",
                paddingBlockSize: sealing.padding, cookieByteLimit: StandInCookieLayer.cookieByteLimit,
                requestBudget: requestBudget)
        }

        private func makeMeter() throws(ToolError) -> SizeMeter {
            let ring: KeyRing
            do {
                ring = try KeyRing(primary: SessionKey.generate(id: 1))
            } catch {
                throw ToolError("cannot make a throwaway key: \(error)")
            }
            let codec = try DocumentCodec.make(keyRing: ring, cookieName: cookieName, sealing: sealing, maxValueLength: 1 << 20)
            return SizeMeter(
                codec: codec, cookieName: cookieName, attributes: .init(domain: domain),
                maxAge: sealing.lifetime.minutes * 60, requestBudget: requestBudget)
        }

        private static func json(_ result: SizeReportResult) throws(ToolError) -> String {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            do {
                return String(decoding: try encoder.encode(result), as: UTF8.self)
            } catch {
                throw ToolError("cannot write the report as JSON: \(error)")
            }
        }
    }
}
