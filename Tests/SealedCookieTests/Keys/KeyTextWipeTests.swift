import Foundation
import Testing

@testable import SealedCookie

/// Key text read from a file or the environment is parsed from bytes that are zeroed afterwards,
/// whether parsing succeeds or not, and the parser slices rather than copies them.
@Suite struct KeyTextWipeTests {
    static let key = String(repeating: "A", count: 43)

    @Test(
        "the bytes are zeroed after parsing, also when parsing fails",
        arguments: [
            "1:\(key), 2:\(key)\r\n", "1:\(key)\t2:\(key)", "1:", "x:\(key)", "",
        ])
    func parsedBytesAreZeroed(text: String) {
        var bytes = Array(text.utf8)
        _ = try? KeyText.parsing(&bytes, KeyRing.init(utf8:))
        #expect(bytes.allSatisfy { $0 == 0 })
        var single = Array(text.utf8)
        _ = try? KeyText.parsing(&single) { (utf8) throws(SessionKeyError) in try SessionKey(id: 1, utf8: utf8[...]) }
        #expect(single.allSatisfy { $0 == 0 })
    }

    @Test("the byte parser reads what the text parser read")
    func sameRings() throws {
        let ring = try KeyRing(text: "2:\(Self.key)\r\n1:\(String(repeating: "0f", count: 32))\n")
        #expect(ring.primary.id == 2 && ring.older.map(\.id) == [1])
        #expect(throws: SessionKeyError.invalidEntry(position: 1)) { try KeyRing(text: "1:") }
        #expect(try SessionKey(id: 3, text: "  \(Self.key)\n").id == 3)
    }
}
