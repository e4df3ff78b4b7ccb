import Foundation
import SealedCookieTestSupport
import Testing

@testable import SealedCookie

/// Each seal and each open reads the clock once, so that every decision it makes (the times'
/// check, the key, the dictionary, whether to re-seal) is about the same moment.
@Suite struct ClockReadingTests {
    @Test("seal and open read the clock once each")
    func oneReading() throws {
        let readings = Locked(0)
        let start = Date(timeIntervalSince1970: 1_796_860_800)
        let ring = try KeyRing(entries: [
            .init(key: try SessionKey.generate(id: 2), activation: start.addingTimeInterval(1)),
            .init(key: try SessionKey.generate(id: 1)),
        ])
        let codec = try SessionCodec<[UInt8]>(
            configuration: .init(
                cookieName: "session", keyRing: ring,
                clock: {
                    readings.withLock { $0 += 1 }
                    return start
                }),
            serializer: BytesSerializer())
        for _ in 0..<3 {
            readings.withLock { $0 = 0 }
            let value = try codec.seal(Array("{\"user\":1}".utf8))
            #expect(readings.withLock { $0 } == 1)
            readings.withLock { $0 = 0 }
            _ = try codec.open(value)
            #expect(readings.withLock { $0 } == 1)
        }
    }
}
