import Foundation
import SealedCookieTestSupport
import Testing

@testable import SealedCookie

/// The response path writes sealed values into `Set-Cookie` without scanning their characters
/// (`SetCookie.with(name:sealedValue:)`): the codec's base64url and the chunk markers must be
/// cookie-octets by construction, whatever the session and however it is chunked.
@Suite struct SealedValueOctetTests {
    @Test("every byte of every sealed cookie value is a cookie-octet, chunked or not")
    func sealedValuesAreCookieOctets() throws {
        var random = SeededGenerator.forTest()
        let ring = try SessionCookiesFixture.keyRing()
        let cookies = try SessionCookiesFixture.cookies(
            keyRing: ring, maxValueLength: 16_384,
            configuration: SessionCookiesConfiguration(
                scope: try CookieScope.rootDomain("example.com"),
                budget: CookieBudget(requestHeaderByteCount: 16_384), maxChunkCount: 4))
        var chunked = 0
        for _ in 0..<2_000 {
            // Random bytes do not compress: large ones make chunked values.
            let length = Int.random(in: 0...7_000, using: &random)
            let session = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            let headers = try cookies.setCookieHeaders(
                for: session, requestHost: "shop.example.com", requestCookieHeaders: [])
            if headers.count > 1 { chunked += 1 }
            for header in headers {
                let value = SessionCookiesFixture.nameValue(header).value
                #expect(!value.isEmpty)
                #expect(value.utf8.allSatisfy(CookieGrammar.isCookieOctet), "\(header.prefix(80))")
            }
        }
        #expect(chunked > 100, "the sessions drawn were chunked \(chunked) times")
    }
}
