import SealedCookieTestSupport
import Testing

@testable import SealedCookie

/// `CookieScope.contains(host:)` decides the usual host without building a `DomainName`; its
/// answer must be the full check's for every host, including the ones built to sit at the edge
/// of the shortcut's rules.
@Suite struct ScopeFastPathTests {
    static let root = "example.com"

    /// The full check: the host's `DomainName`, domain-matched against the root's.
    static func reference(_ host: String, root: DomainName) -> Bool {
        guard let name = try? DomainName(host, allowingLeadingDot: false) else { return false }
        return name.isEqualOrSubdomain(of: root)
    }

    /// Labels the full check takes, and labels at or past the edge of the shortcut's rules.
    static let validLabels = [
        "a", "shop", "x1", "0", "9z", "a-b", "_dmarc", "xn--bcher-kva", String(repeating: "a", count: 63),
    ]
    static let edgeLabels = [
        "-", "-a", "a-", "xn--", "xn--zz", "A", "Shop", "é", String(repeating: "b", count: 64), "", "1.2", ":", "[::1]",
        " ",
        "%",
    ]
    static let suffixes = ["example.com", "EXAMPLE.com", "example.co", "xample.com", "example.com.", "com", ""]

    @Test("the scope's answer is the full check's for generated hosts")
    func fastPathAgreesWithTheFullCheck() throws {
        var random = SeededGenerator.forTest()
        let scope = try CookieScope.rootDomain(Self.root)
        let root = try DomainName(Self.root, allowingLeadingDot: false)
        var (inScope, outOfScope) = (0, 0)
        for _ in 0..<20_000 {
            // Half the hosts from valid labels under the root, so that both answers are common.
            let isPlain = Bool.random(using: &random)
            let pieces = isPlain ? Self.validLabels : Self.validLabels + Self.edgeLabels
            let labels = (0..<Int.random(in: 0...5, using: &random)).map { _ in
                pieces.randomElement(using: &random) ?? ""
            }
            let suffix = isPlain ? Self.root : Self.suffixes.randomElement(using: &random) ?? ""
            let dot = !isPlain && Bool.random(using: &random) ? "." : ""
            let host = dot + (labels + (suffix.isEmpty ? [] : [suffix])).joined(separator: ".")
            let expected = Self.reference(host, root: root)
            #expect(scope.contains(host: host) == expected, "host \(host)")
            if expected { inScope += 1 } else { outOfScope += 1 }
        }
        // Both answers, and the long names near 253 bytes, are drawn.
        #expect(inScope > 1_000 && outOfScope > 1_000, "\(inScope) in scope, \(outOfScope) out")
        let long = Array(repeating: String(repeating: "a", count: 60), count: 4).joined(separator: ".")
        for host in [long + ".example.com", String(long.dropFirst(10)) + ".example.com", "example.com", ".example.com"]
        {
            #expect(scope.contains(host: host) == Self.reference(host, root: root), "host of \(host.utf8.count) bytes")
        }
    }
}
