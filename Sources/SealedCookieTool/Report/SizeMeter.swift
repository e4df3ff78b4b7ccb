import Foundation
import SealedCookie

/// Seals documents as the application would (same name, attributes and codec settings) and
/// measures every step. The key is random: sizes do not depend on it.
struct SizeMeter {
    let codec: SessionCodec<[UInt8]>
    let cookieName: String
    let attributes: StandInCookieLayer.Attributes
    let maxAge: Int
    let requestBudget: Int

    func measure(name: String, document: JSONDocument) throws(ToolError) -> SizeMeasurement {
        let value: String
        let header: EnvelopeHeader
        do {
            value = try codec.seal(document.bytes)
            header = try EnvelopeHeader(sealedValue: value)
        } catch {
            throw ToolError("cannot seal \(name): \(error)")
        }
        guard let anatomy = EnvelopeAnatomy(header: header, valueLength: value.utf8.count),
            let pairs = StandInCookieLayer.pairs(name: cookieName, value: value, chunking: true)
        else { throw ToolError("cannot measure \(name): the sealed value is malformed") }
        let now = codec.configuration.clock()
        let setCookieBytes = pairs.reduce(0) { total, pair in
            total + StandInCookieLayer.setCookieLine(pair, attributes: attributes, maxAge: maxAge, now: now).utf8.count
        }
        let cookieHeaderBytes = StandInCookieLayer.cookieHeaderLine(pairs).utf8.count
        return SizeMeasurement(
            name: name, jsonBytes: document.bytes.count, payloadBytes: anatomy.payloadByteCount,
            compressed: header.isCompressed, sealedBytes: anatomy.envelopeByteCount, valueCharacters: value.utf8.count,
            setCookieBytes: setCookieBytes,
            cookieLimitShare: Double(cookieName.utf8.count + value.utf8.count) / Double(StandInCookieLayer.cookieByteLimit),
            chunks: pairs.count, cookieHeaderBytes: cookieHeaderBytes, fitsRequestBudget: cookieHeaderBytes <= requestBudget)
    }
}
