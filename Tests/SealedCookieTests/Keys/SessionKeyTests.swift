import Foundation
import Testing

@testable import SealedCookie

@Suite struct SessionKeyTests {
    static let base64 = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"
    static let hex = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"

    @Test func textFormsDecodeToTheSameKey() throws {
        let expected = try Fixture.sequentialKey(id: 3)
        #expect(try SessionKey(id: 3, text: Self.base64) == expected)
        #expect(try SessionKey(id: 3, text: Self.hex) == expected)
        #expect(try SessionKey(id: 3, text: Self.hex.uppercased()) == expected)
        #expect(try SessionKey(id: 3, text: "  \(Self.base64)\n") == expected)
        #expect(try SessionKey(id: 4, text: Self.base64) != expected)
        #expect(try SessionKey.generate(id: 3) != expected)
        #expect(expected.exportBase64URL() == Self.base64)
    }

    @Test(arguments: [
        "", "AAEC", Self.base64 + "=", Self.base64 + "A", String(Self.base64.dropLast()) + "+",
        String(Self.base64.dropLast()) + "h", String(Self.hex.dropLast()) + "g", Self.hex + "00",
        "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
    ])
    func malformedTextIsRejected(text: String) {
        #expect(throws: SessionKeyError.invalidEncoding) { try SessionKey(id: 1, text: text) }
    }

    @Test func wrongLengthAndIDAreRejected() {
        #expect(throws: SessionKeyError.wrongLength(expected: 32, actual: 31)) {
            try SessionKey(id: 1, bytes: [UInt8](repeating: 1, count: 31))
        }
        #expect(throws: SessionKeyError.keyIDOutOfRange(16)) { try SessionKey.generate(id: 16) }
        #expect(throws: SessionKeyError.keyIDOutOfRange(255)) { try SessionKey(id: 255, text: Self.base64) }
        #expect(throws: SessionKeyError.invalidEntry(position: 1)) { try KeyRing(text: "256:\(Self.base64)") }
    }

    @Test func descriptionsNeverShowTheSecret() throws {
        let key = try SessionKey(id: 5, text: Self.base64)
        #expect(key.description == "SessionKey(id: 5)")
        #expect(String(reflecting: key).contains(Self.base64) == false)
        let ring = try KeyRing(primary: key)
        #expect(ring.description == "KeyRing(primary: 5, older: [])")
        for error in [
            SessionKeyError.invalidEncoding, .invalidEntry(position: 1), .wrongLength(expected: 32, actual: 3),
        ] {
            #expect(!error.description.contains(Self.base64))
        }
    }

    @Test func filesAndEnvironmentVariablesLoad() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sealed-cookie-key-\(UUID())")
        try (Self.hex + "\n").write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try SessionKey(id: 1, contentsOfFile: url.path) == Fixture.sequentialKey(id: 1))
        #expect(throws: SessionKeyError.unreadableFile(path: "/nonexistent/key")) {
            try SessionKey(id: 1, contentsOfFile: "/nonexistent/key")
        }
        let big = FileManager.default.temporaryDirectory.appendingPathComponent("sealed-cookie-big-\(UUID())")
        try Data(count: 64 * 1024 + 1).write(to: big)
        defer { try? FileManager.default.removeItem(at: big) }
        #expect(throws: SessionKeyError.fileTooLarge(path: big.path, limit: 64 * 1024)) {
            try KeyRing(contentsOfFile: big.path)
        }
        setenv("SEALED_COOKIE_TEST_RING", "2:\(Self.base64), 1:\(Self.hex)", 1)
        let ring = try KeyRing(environmentVariable: "SEALED_COOKIE_TEST_RING")
        #expect(ring.primary.id == 2)
        #expect(ring.older.map(\.id) == [1])
        #expect(ring.key(withID: 1) == (try Fixture.sequentialKey(id: 1)))
        #expect(ring.key(withID: 7) == nil)
        #expect(throws: SessionKeyError.missingEnvironmentVariable("SEALED_COOKIE_NOT_SET")) {
            try KeyRing(environmentVariable: "SEALED_COOKIE_NOT_SET")
        }
    }

    @Test func ringTextErrorsNameTheEntry() {
        #expect(throws: SessionKeyError.emptyRing) { try KeyRing(text: " \n") }
        #expect(throws: SessionKeyError.invalidEntry(position: 2)) {
            try KeyRing(text: "1:\(Self.base64),\(Self.base64)")
        }
        #expect(throws: SessionKeyError.invalidEntry(position: 1)) { try KeyRing(text: "x:\(Self.base64)") }
        #expect(throws: SessionKeyError.duplicateKeyID(1)) { try KeyRing(text: "1:\(Self.base64) 1:\(Self.hex)") }
    }
}
