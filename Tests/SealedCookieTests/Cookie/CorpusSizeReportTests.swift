import Foundation
import Testing

@testable import SealedCookie

/// The size report: each corpus sample sealed with the default codec
/// settings (JSON bytes as-is, default compression, 1-day lifetime) and written with the
/// default cookie attributes under `Domain=example.com`.
@Suite("Corpus size report")
struct CorpusSizeReportTests {
    @Test("every corpus sample fits one cookie; sizes printed", arguments: ["tiny", "small", "medium", "large"])
    func report(sample: String) throws {
        let json = try Fixture.corpus(sample)
        let codec = try SessionCodec<[UInt8]>(
            configuration: SessionCodecConfiguration(
                cookieName: "session", keyRing: try SessionCookiesFixture.keyRing(),
                clock: { SessionCookiesFixture.now }),
            serializer: BytesSerializer())
        let cookies = try SessionCookies(codec: codec, configuration: .init(scope: try .rootDomain("example.com")))
        let set = try cookies.setCookieHeaders(for: json, requestHost: "example.com", requestCookieHeaders: [])
        #expect(set.count == 1)
        let header = set[0]
        let (name, value) = SessionCookiesFixture.nameValue(header)
        let nameValue = name.utf8.count + value.utf8.count
        #expect(header.utf8.count <= 4093)
        #expect(try cookies.session(fromCookieHeaders: [name + "=" + value])?.session == json)
        let percent = { (count: Int) in String(format: "%.1f%%", Double(count) * 100 / 4096) }
        print(
            "corpus \(sample): json \(json.count) B, value \(value.utf8.count) chars, name+value \(nameValue) B (\(percent(nameValue)) of 4096), "
                + "Set-Cookie value \(header.utf8.count) B (\(percent(header.utf8.count)) of 4096), "
                + "full line 'Set-Cookie: …' \(12 + header.utf8.count) B")
    }
}
