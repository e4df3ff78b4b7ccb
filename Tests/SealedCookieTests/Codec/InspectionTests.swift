import Foundation
import Testing

@testable import SealedCookie

@Suite struct InspectionTests {
    @Test func headerIsReadableWithoutAKey() throws {
        let codec = try Fixture.bytesCodec(
            ring: KeyRing(primary: Fixture.sequentialKey(id: 9)), compression: Fixture.deflate, padding: .block(16))
        let header = try EnvelopeHeader(sealedValue: codec.seal(Fixture.corpus("medium")))
        #expect(header.keyID == 9)
        #expect(header.compression == .deflate && header.isPadded && header.version == 3)
        #expect(header.issuedAt == Date(timeIntervalSince1970: Fixture.now))
        #expect(header.expiresAt == Date(timeIntervalSince1970: Fixture.now + 3600))
    }

    /// Well-formed lengths whose headers are bad: version 00, lifetime 0, lifetime non-canonical.
    static let longHeaderTexts = ["AWsE04A8", "QWsE04AA", "QWsE04CA"].map { $0 + String(repeating: "A", count: 56) }

    @Test(
        arguments: ["", "QWsE", "QWsE04A", "éééééééééééé", "QWsE04A8é", "wWsE04A8AAEC", "QWsE04AAAAEC", "QWsE04D_____"]
            + Self.longHeaderTexts)
    func malformedHeadersThrowAndNeverTrap(text: String) {
        #expect(throws: SessionCodecError.self) { try EnvelopeHeader(sealedValue: text) }
    }
}

@Suite struct ConcurrencyTests {
    /// Many tasks share one codec (and its pooled zlib streams).
    @Test func sharedCodecSealsAndOpensConcurrently() async throws {
        let codec = try Fixture.bytesCodec(ring: KeyRing(primary: Fixture.sequentialKey()))
        let samples = try Fixture.corpusNames.map(Fixture.corpus)
        let mismatches = await withTaskGroup(of: Int.self) { group in
            for task in 0..<32 {
                group.addTask {
                    var failures = 0
                    for round in 0..<50 {
                        let sample = samples[(task + round) % samples.count]
                        let opened = try? codec.open(codec.seal(sample)).session
                        if opened != sample { failures += 1 }
                    }
                    return failures
                }
            }
            return await group.reduce(0, +)
        }
        #expect(mismatches == 0)
    }
}
