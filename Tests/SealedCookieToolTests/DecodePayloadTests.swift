import Foundation
import SealedCookie
import Testing

@Suite("decode: a payload that is not a session")
struct DecodePayloadTests {
    @Test("an authentic value whose body is not JSON is refused with a reason and exit 1; a JSON body prints")
    func notJSON() throws {
        let tool = try ToolRunner()
        defer { tool.cleanUp() }
        try tool.write(try tool.run(["keygen"]).stdout, to: "keys.txt")
        let keyRing = try KeyRing(contentsOfFile: tool.path("keys.txt"))
        // Sealed as any holder of the key can seal bytes: not through a session serializer.
        let codec = try SessionCodec(
            configuration: SessionCodecConfiguration(cookieName: "session", keyRing: keyRing),
            serializer: BytesSerializer())
        let bodies: [[UInt8]] = [
            Array("not a session".utf8), Array(#"{"user_id":"u1""#.utf8), [], [0xFF, 0xFE, 0x00],
            Array(#"{"a":1,"a":2}"#.utf8), Array(String(repeating: "x", count: 300).utf8),
        ]
        for body in bodies {
            let value = try codec.seal(body)
            let opened = try tool.run(["decode", "--key-file", "keys.txt", value])
            #expect(opened.status == 1, "\(body)")
            #expect(opened.stdout.isEmpty, "\(body)")
            #expect(
                opened.stderr.contains("the payload is not a session")
                    && opened.stderr.contains("\(body.count)-byte body is not a JSON session"),
                "\(body): \(opened.stderr)")
        }
        // A JSON body, however it was written, is a session: printed as sealed.
        let json = #"{ "b": [1, 2.50], "a": "\u00e9" }"#
        let opened = try tool.run(["decode", "--key-file", "keys.txt", try codec.seal(Array(json.utf8))])
        #expect(opened.status == 0 && opened.stdout == json + "\n", "\(opened.stderr)")
    }
}
