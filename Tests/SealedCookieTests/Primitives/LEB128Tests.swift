import Foundation
import Testing

@testable import SealedCookie

@Suite struct LEB128Tests {
    @Test func encodesAndDecodesCanonicalForms() {
        for value: UInt64 in [0, 1, 127, 128, 300, 16383, 16384, 576_000, 2_097_151] {
            var bytes: [UInt8] = []
            LEB128.encode(value, into: &bytes)
            #expect(bytes.count == LEB128.encodedCount(of: value))
            let decoded = bytes.withUnsafeBytes { LEB128.decode($0, at: 0, maxBytes: 3) }
            #expect(decoded?.value == value && decoded?.next == bytes.count)
        }
    }

    @Test func rejectsTruncatedOverlongAndNonCanonical() {
        for bytes: [UInt8] in [[], [0x80], [0x80, 0x00], [0xFF, 0x80, 0x00], [0x80, 0x80, 0x80, 0x01]] {
            #expect(bytes.withUnsafeBytes { LEB128.decode($0, at: 0, maxBytes: 3) } == nil, "\(bytes)")
        }
    }
}
