import CZlib
import Testing

@testable import SealedCookie

/// Pooled zlib streams outlive the call that used them: after a call, none of zlib's blocks may
/// still hold the session's plaintext.
@Suite struct StreamWipeTests {
    static let secret = Array("q7ZsK2vN9xR4tW1mB8cF".utf8)
    /// A session-like document with the secret in it once, as a literal.
    static let plaintext =
        Array(#"{"user_id":"usr_7f3k29xqhm2","csrf_token":""#.utf8) + secret
        + Array(#"","roles":["customer","beta_tester"],"flash":"#.utf8)
        + Array(repeating: UInt8(ascii: "x"), count: 600)
        + Array("}".utf8)

    /// Whether any block zlib allocated for a stream holds `needle`.
    static func blocksContain(_ needle: [UInt8], _ tracked: UnsafePointer<czlib_blocks>) -> Bool {
        var (pointers, sizes) = (tracked.pointee.blocks, tracked.pointee.sizes)
        let blocks = withUnsafeBytes(of: &pointers) { Array($0.bindMemory(to: UnsafeMutableRawPointer?.self)) }
        let lengths = withUnsafeBytes(of: &sizes) { Array($0.bindMemory(to: Int.self)) }
        return zip(blocks, lengths).contains { block, size in
            guard let block, size >= needle.count else { return false }
            let bytes = UnsafeRawBufferPointer(start: block, count: size)
            return (0...(size - needle.count)).contains { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
        }
    }

    static func deflated(_ input: [UInt8], memoryLevel: Int32 = 5) throws -> (Deflater, [UInt8]) {
        let deflater = try #require(Deflater(level: 6, memoryLevel: memoryLevel))
        var output: [UInt8] = []
        let done = input.withUnsafeBytes { deflater.deflate($0, appendingTo: &output, limit: input.count) }
        #expect(done)
        return (deflater, output)
    }

    @Test("a deflater keeps no plaintext after a call", arguments: [Int32(5), 8])
    func deflaterIsWiped(memoryLevel: Int32) throws {
        let (deflater, first) = try Self.deflated(Self.plaintext, memoryLevel: memoryLevel)
        #expect(!Self.blocksContain(Self.secret, deflater.blocks))
        // The wiped stream still compresses as before.
        var again: [UInt8] = []
        #expect(
            Self.plaintext.withUnsafeBytes { deflater.deflate($0, appendingTo: &again, limit: Self.plaintext.count) })
        #expect(again == first && first.count < Self.plaintext.count / 2)
    }

    @Test("an inflater keeps no plaintext, whether the call succeeds or overflows")
    func inflaterIsWiped() throws {
        let (_, compressed) = try Self.deflated(Self.plaintext)
        let inflater = try #require(Inflater())
        var output = [UInt8](repeating: 0, count: Self.plaintext.count)
        try compressed.withUnsafeBytes { input in
            try output.withUnsafeMutableBytes { try inflater.inflate(input, into: $0) }
        }
        #expect(output == Self.plaintext)
        #expect(!Self.blocksContain(Self.secret, inflater.blocks))
        // An output buffer too small: zlib keeps what it wrote in its window.
        var short = [UInt8](repeating: 0, count: 100)
        #expect(throws: Inflater.Failure.outputTooLarge) {
            try compressed.withUnsafeBytes { input in
                try short.withUnsafeMutableBytes { try inflater.inflate(input, into: $0) }
            }
        }
        #expect(!Self.blocksContain(Self.secret, inflater.blocks))
        // The wiped stream still inflates.
        var again = [UInt8](repeating: 0, count: Self.plaintext.count)
        try compressed.withUnsafeBytes { input in
            try again.withUnsafeMutableBytes { try inflater.inflate(input, into: $0) }
        }
        #expect(again == Self.plaintext)
    }
}
