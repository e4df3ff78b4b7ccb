import ArgumentParser
import Foundation
import SealedCookie

extension SealedCookieTool {
    /// Measures how big session documents become as cookies.
    struct SizeReport: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure how big session documents become as cookies.",
            discussion: """
                For each .json document in the folder (default: the sample corpus built into the \
                tool), shows its JSON bytes as an application's SessionCodec serializes it (keys \
                sorted), the payload after compression, the sealed bytes, the \
                cookie value characters, and then what the library's cookie layer writes for it: \
                the Set-Cookie header bytes (name, value and attributes), the share of the \
                per-cookie limit, the cookies needed (up to --max-chunks), and whether the session's \
                share of the Cookie request header leaves the reserve free in the request budget. A \
                session the layer refuses is reported, with the reason on standard error. Sizes use \
                a throwaway key: no key is needed.

                With --dictionary, --padding, --padding-size-classes or --secret-field, each \
                document is also sealed without each of these options, and a column "without \
                OPTION" shows the value characters without it and, in parentheses, what the option \
                adds (negative: what it saves); with a dictionary that is the size without one, \
                side by side.

                Examples:
                  sealed-cookie size-report
                  sealed-cookie size-report ./captured-sessions --format markdown
                  sealed-cookie size-report --format svg > sizes.svg
                  sealed-cookie size-report --no-compression --padding 256 --format json
                  sealed-cookie size-report --max-chunks 3 --request-budget 16384 --reserve 4096
                  sealed-cookie size-report --dictionary Dictionaries/sample-sessions.zdict
                  sealed-cookie size-report --dictionary d.zdict --secret-field csrf_token
                """)

        /// How the report is written.
        enum Format: String, ExpressibleByArgument, CaseIterable {
            case table, markdown, json, svg
        }

        @Argument(
            help: ArgumentHelp(
                "A folder of session JSON documents; the bundled corpus when absent.", valueName: "folder"))
        var folder: String?

        @Option(help: "table (aligned columns), markdown, json, or svg (a bar chart).")
        var format: Format = .table

        @Option(name: .customLong("cookie-name"), help: "The cookie's name, counted in every size.")
        var cookieName = "session"

        @OptionGroup(title: "Sealing") var sealing: SealingOptions
        @OptionGroup(title: "Dictionary") var dictionary: DictionaryOptions
        @OptionGroup(title: "Secret fields") var secrets: SecretFieldOptions
        @OptionGroup(title: "Limits") var limits: LimitOptions

        @Option(help: ArgumentHelp("The root domain in the Domain attribute.", valueName: "domain"))
        var domain = "example.com"

        @OptionGroup(title: "Cookie") var cookie: CookieOptions
        @OptionGroup(title: "Chunking") var chunking: ChunkingOptions
        @OptionGroup(title: "Budget") var budget: BudgetOptions

        @Flag(
            inversion: .prefixedNo,
            help: "Show progress on standard error (default: when it is a terminal and there are over 20 documents).")
        var progress: Bool?

        func validate() throws {
            try sealing.check(against: dictionary)
        }

        func run() throws {
            let documents =
                try folder.map { path throws(ToolError) in try DocumentFolder.documents(in: path) }
                ?? BundledCorpus.documents
            let ring = try dictionary.ring()
            let settings = sealing.settings(dictionaries: ring, secretFields: secrets.secretFields)
            let meter = try makeMeter(settings)
            var comparisons: [(option: String, meter: SizeMeter)] = []
            for (option, without) in OptionCost.variants(
                of: settings, withoutDictionary: sealing.compression(dictionaries: nil))
            {
                comparisons.append((option, try makeMeter(without)))
            }
            let indicator = Progress(
                total: documents.count, isEnabled: progress ?? (Diagnostics.isTerminal && documents.count > 20))
            var rows: [SizeMeasurement] = []
            for (index, document) in documents.enumerated() {
                indicator.update(index + 1, document.name)
                let json = try JSONDocument(document.bytes, origin: document.origin)
                var row = try meter.measure(name: document.name, document: json)
                for comparison in comparisons {
                    let without = try comparison.meter.measure(name: document.name, document: json).valueCharacters
                    row.optionCosts.append(
                        OptionCost(
                            option: comparison.option, valueCharactersWithout: without,
                            characters: row.valueCharacters - without))
                }
                rows.append(row)
            }
            indicator.finish()
            if folder == nil { rows.sort { $0.jsonBytes < $1.jsonBytes } }
            for row in rows {
                if let refusal = row.refusal { Diagnostics.warning("\(row.name): \(refusal)") }
            }
            let result = SizeReportResult(
                settings: reportSettings(meter, dictionary: ring?.primary, comparedWithout: comparisons.map(\.option)),
                documents: rows)
            switch format {
            case .table: print(SizeTable(result).terminal())
            case .markdown: print(SizeTable(result).markdown())
            case .json: print(try Self.json(result))
            case .svg: FileHandle.standardOutput.write(Data(SizeChart(result: result).svg().utf8))
            }
        }

        private func reportSettings(
            _ meter: SizeMeter, dictionary: SessionDictionary?, comparedWithout: [String]
        ) -> SizeReportResult.Settings {
            let configuration = meter.cookies.configuration
            let compression =
                if sealing.compressionDisabled {
                    "off"
                } else if sealing.deflate {
                    "deflate level \(sealing.compressionLevel ?? 6) when smaller"
                } else if let dictionary {
                    "zstd level \(sealing.zstdLevel) with dictionary \(dictionary.id) when smaller"
                } else {
                    "zstd level \(sealing.zstdLevel) with the built-in generic dictionary when smaller"
                }
            return SizeReportResult.Settings(
                cookieName: cookieName, domain: configuration.scope.domainAttribute, compression: compression,
                dictionary: dictionary.map {
                    "id \($0.id), \($0.bytes.count) bytes, \($0.isTrained ? "trained" : "raw content"), \($0.fingerprint)"
                },
                paddingBlockSize: sealing.padding, paddingSizeClasses: sealing.paddingSizeClasses,
                secretFields: secrets.secretFields, comparedWithout: comparedWithout,
                cookieByteLimit: meter.budget.maxNameValueByteCount,
                setCookieByteLimit: meter.budget.maxSetCookieByteCount, maxChunks: configuration.maxChunkCount,
                requestBudget: meter.budget.requestHeaderByteCount, reserve: meter.budget.otherCookiesReserve)
        }

        private func makeMeter(_ settings: DocumentCodec.Settings) throws(ToolError) -> SizeMeter {
            let ring: KeyRing
            do {
                ring = try KeyRing(primary: SessionKey.generate(id: 1))
            } catch {
                throw ToolError("cannot make a throwaway key: \(error)")
            }
            let codec = try DocumentCodec.make(
                keyRing: ring, cookieName: cookieName, settings: settings, limits: limits)
            let scope = try DocumentCookies.scope(domain: domain)
            return try SizeMeter(
                codec: codec,
                configuration: cookie.configuration(
                    scope: scope, budget: budget.budget, maxChunkCount: chunking.maxChunkCount),
                requestHost: scope.rootDomain ?? domain)
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
