public import Foundation

/// The Public Suffix List (https://publicsuffix.org): the domains under which anyone can
/// register names (`com`, `co.uk`, `github.io` …), where a cookie must never be scoped.
///
/// Both sections are used, ICANN and private, with wildcard (`*.ck`) and exception
/// (`!www.ck`) rules, following the algorithm at https://publicsuffix.org/list/: the
/// prevailing rule is an exception rule if one matches, else the matching rule with the most
/// labels, else `*`. Rules in Unicode are stored as IDNA A-labels, and queries are made with
/// A-labels (non-ASCII input is rejected).
///
/// A snapshot ships with the package (``bundled``, MPL-2.0, see `Resources/README.md`); a
/// deployment can load a newer file with ``init(contentsOf:maxByteCount:)`` and pass it to
/// ``CookieScope/rootDomain(_:publicSuffixList:)``.
///
/// ```swift
/// let list = try PublicSuffixList.bundled
/// try list.registrableDomain(of: "shop.api.example.co.uk")   // "example.co.uk"
/// try list.isPublicSuffix("github.io")                       // true
/// ```
public struct PublicSuffixList: Sendable {
    /// The part of the list a rule comes from.
    public enum Section: Sendable, Equatable {
        /// Domains delegated by ICANN registries (`com`, `co.uk`).
        case icann
        /// Domains whose owners asked for subdomains to be treated as separate sites
        /// (`github.io`, `herokuapp.com`).
        case privateDomains
    }

    /// What the list says about one domain.
    public struct Match: Sendable, Equatable {
        /// The domain's public suffix (with the implicit `*` rule, at least its last label).
        public var publicSuffix: String
        /// The public suffix plus one label, or nil when the domain is itself a public suffix.
        public var registrableDomain: String?
        /// The section of the prevailing rule, or nil when only the implicit `*` rule matched.
        public var section: Section?
    }

    /// The default upper bound for a list file; the real list is about 250 KB.
    public static let defaultMaxByteCount = 8 << 20

    private var exact: [String: Section] = [:]
    private var wildcard: [String: Section] = [:]
    private var exception: [String: Section] = [:]

    /// How many rules the list holds.
    public var ruleCount: Int { exact.count + wildcard.count + exception.count }

    /// The snapshot bundled with the package, parsed on first use and then shared.
    /// - Throws: ``PublicSuffixListError/bundledListMissing`` when the resource bundle was not
    ///   deployed, or a parse error (which the package's tests rule out for the shipped file).
    public static var bundled: PublicSuffixList {
        get throws(PublicSuffixListError) { try bundledResult.get() }
    }

    private static let bundledResult: Result<PublicSuffixList, PublicSuffixListError> = {
        guard let url = Bundle.module.url(forResource: "public_suffix_list", withExtension: "dat", subdirectory: "Resources")
        else { return .failure(.bundledListMissing) }
        return Result { () throws(PublicSuffixListError) in try PublicSuffixList(contentsOf: url) }
    }()

    /// Loads a list file in the publicsuffix.org format, for example a newer download.
    /// - Parameters:
    ///   - url: A file URL.
    ///   - maxByteCount: Files larger than this are refused before being read whole.
    public init(contentsOf url: URL, maxByteCount: Int = defaultMaxByteCount) throws(PublicSuffixListError) {
        let path = url.path
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .unreadable(path: path) }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maxByteCount + 1) ?? Data()
        } catch {
            throw .unreadable(path: path)
        }
        guard data.count <= maxByteCount else { throw .tooLarge(byteCount: data.count, limit: maxByteCount) }
        guard let text = String(data: data, encoding: .utf8) else { throw .notUTF8 }
        try self.init(text: text)
    }

    /// Parses a list from its text: one rule per line (read up to the first whitespace), `//`
    /// comments, and the `===BEGIN PRIVATE DOMAINS===` marker that starts the private section.
    public init(text: String) throws(PublicSuffixListError) {
        var section = Section.icann
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.prefix { $0 != " " && $0 != "\t" && $0 != "\r" }
            if rawLine.hasPrefix("//") {
                if rawLine.contains("===BEGIN PRIVATE DOMAINS===") { section = .privateDomains }
                if rawLine.contains("===BEGIN ICANN DOMAINS===") { section = .icann }
                continue
            }
            if line.isEmpty { continue }
            guard let rule = Self.rule(line) else { throw .invalidRule(line: index + 1) }
            switch rule.kind {
            case .exact: exact[rule.name] = section
            case .wildcard: wildcard[rule.name] = section
            case .exception: exception[rule.name] = section
            }
        }
        guard ruleCount > 0 else { throw .noRules }
    }

    private enum RuleKind { case exact, wildcard, exception }

    /// A rule's kind and its name in A-labels (without `*.` or `!`), or nil when invalid.
    private static func rule(_ line: Substring) -> (kind: RuleKind, name: String)? {
        var kind = RuleKind.exact
        var body = line
        if body.hasPrefix("!") {
            kind = .exception
            body = body.dropFirst()
        } else if body.hasPrefix("*.") {
            kind = .wildcard
            body = body.dropFirst(2)
        }
        var labels: [String] = []
        for label in body.split(separator: ".", omittingEmptySubsequences: false) {
            guard let ascii = aLabel(label) else { return nil }
            labels.append(ascii)
        }
        // The exception rule needs a label besides the one it removes.
        guard !labels.isEmpty, kind != .exception || labels.count >= 2 else { return nil }
        return (kind, labels.joined(separator: "."))
    }

    /// A rule label as a lowercase A-label, or nil when it is empty, has a wildcard or cannot be
    /// encoded.
    private static func aLabel(_ label: Substring) -> String? {
        guard !label.isEmpty, label.utf8.count <= 252 else { return nil }
        if label.utf8.allSatisfy({ $0 < 0x80 }) {
            let lower = label.lowercased()
            let valid = lower.utf8.allSatisfy { byte in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
            }
            return valid ? lower : nil
        }
        guard let encoded = Punycode.encode(Array(label.lowercased().unicodeScalars)) else { return nil }
        return "xn--" + encoded
    }

    /// What the list says about `domain` (a checked domain name).
    func match(_ domain: DomainName) -> Match {
        let labels = domain.labels
        let n = labels.count
        // The suffix starting at label i, for every i.
        var suffixes: [Substring] = []
        suffixes.reserveCapacity(n)
        var start = domain.text.startIndex
        for label in labels {
            suffixes.append(domain.text[start...])
            start = label.endIndex < domain.text.endIndex ? domain.text.index(after: label.endIndex) : label.endIndex
        }

        var suffixCount = 1
        var section: Section?
        if let i = suffixes.indices.first(where: { exception[String(suffixes[$0])] != nil }) {
            // An exception rule prevails and the public suffix is the rule minus its first label.
            suffixCount = n - i - 1
            section = exception[String(suffixes[i])]
        } else {
            for i in 0..<n {
                if let found = exact[String(suffixes[i])] {
                    suffixCount = n - i
                    section = found
                    break
                }
                if i + 1 < n, let found = wildcard[String(suffixes[i + 1])] {
                    suffixCount = n - i
                    section = found
                    break
                }
            }
        }
        let publicSuffix = String(suffixes[n - suffixCount])
        let registrable = suffixCount < n ? String(suffixes[n - suffixCount - 1]) : nil
        return Match(publicSuffix: publicSuffix, registrableDomain: registrable, section: section)
    }

    /// What the list says about `domain`, given in A-labels.
    /// - Throws: ``DomainNameError`` when `domain` is not a valid ASCII domain name.
    public func match(_ domain: String) throws(DomainNameError) -> Match {
        match(try DomainName(domain, allowingLeadingDot: false))
    }

    /// The public suffix of `domain`: `co.uk` for `shop.example.co.uk`.
    /// - Throws: ``DomainNameError`` when `domain` is not a valid ASCII domain name.
    public func publicSuffix(of domain: String) throws(DomainNameError) -> String {
        try match(domain).publicSuffix
    }

    /// The registrable domain of `domain` (its public suffix plus one label):
    /// `shop.api.example.co.uk` -> `example.co.uk`; nil when `domain` is a public suffix.
    /// - Throws: ``DomainNameError`` when `domain` is not a valid ASCII domain name.
    public func registrableDomain(of domain: String) throws(DomainNameError) -> String? {
        try match(domain).registrableDomain
    }

    /// Whether `domain` is itself a public suffix, where no cookie may be scoped.
    /// - Throws: ``DomainNameError`` when `domain` is not a valid ASCII domain name.
    public func isPublicSuffix(_ domain: String) throws(DomainNameError) -> Bool {
        try match(domain).registrableDomain == nil
    }
}
