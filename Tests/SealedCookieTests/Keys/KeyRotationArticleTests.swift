import Foundation
import SealedCookieTestSupport
import Testing

@testable import SealedCookie

/// The KeyRotation article's code is code of this file, and does what the article says.
@Suite struct KeyRotationArticleTests {
    @Test("the staged ring of the article seals with the new key from its activation on")
    func stagedRing() throws {
        let newKey = try SessionKey.generate(id: 2)
        let oldKey = try SessionKey.generate(id: 1)
        let activation = Date(timeIntervalSince1970: 1_796_860_800)  // 2026-12-10T00:00:00Z
        let ring = try KeyRing(entries: [
            KeyRing.Entry(key: newKey, activation: activation),
            KeyRing.Entry(key: oldKey),
        ])
        let sealing = ring.sealingKey(at: activation)
        #expect(sealing == newKey)
        #expect(ring.sealingKey(at: activation.addingTimeInterval(-1)) == oldKey)
        #expect(ring.primary == newKey)
        // The text form the article describes, and exportText writing it back.
        let text = ring.exportText()
        #expect(text.hasPrefix("2:") && text.contains("@2026-12-10T00:00:00Z\n1:"))
        #expect(try KeyRing(text: text).entries == ring.entries)
    }

    @Test("every Swift block of KeyRotation.md is code of this file")
    func articleShowsCompiledCode() throws {
        let root = DocumentationSnippets.packageRoot(from: #filePath)
        let markdown = try DocumentationSnippets.text(
            of: "Sources/SealedCookie/SealedCookie.docc/KeyRotation.md", root: root)
        let source = try String(contentsOfFile: #filePath, encoding: .utf8)
        let blocks = DocumentationSnippets.swiftBlocks(in: markdown)
        #expect(!blocks.isEmpty)
        for block in blocks {
            let missing = DocumentationSnippets.chunksMissing(from: [source], block: block)
            #expect(missing.isEmpty, "KeyRotation.md shows code this file does not compile: \(missing)")
        }
    }
}
