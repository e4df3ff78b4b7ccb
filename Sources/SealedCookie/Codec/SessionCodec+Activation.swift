import Foundation

/// Staged keys and dictionaries on the codec's side: which key seals at a time, and which
/// values are re-sealed because a newer key or dictionary has activated.
extension SessionCodec {
    /// The key of the codec's ring that seals at `date`, read in place: passing the ring as an
    /// argument copied it (retaining its keys) on every seal.
    /// - Throws: ``SessionCodecError/noActiveKey(at:firstActivation:)`` when every key activates
    ///   later.
    func sealingKey(at date: Date) throws(SessionCodecError) -> SessionKey {
        guard let key = state.configuration.keyRing.sealingKey(at: date) else {
            throw .noActiveKey(at: date, firstActivation: state.configuration.keyRing.firstActivation ?? date)
        }
        return key
    }

    /// Whether a value with this header, opened at `date`, should be sealed again under the key
    /// and compression that seal at `date`: its key ranks below the sealing key (activated
    /// earlier), or its dictionary below the sealing dictionary, or it is deflated
    /// where the codec now compresses with a dictionary. A key or dictionary that is still staged
    /// at `date` ranks above: such a value comes from a node whose clock is ahead, and sealing it
    /// back under the older key would only make that node re-seal it once more.
    func sealedUnderOlderKeyOrDictionary(_ header: EnvelopeHeader, at date: Date) -> Bool {
        if state.configuration.keyRing.needsResealing(keyID: header.keyID, at: date) { return true }
        guard let ring = state.compressors.dictionaryRing, header.compression != .none else { return false }
        guard header.compression.dictionaryID != nil else { return true }
        return ring.needsResealing(header.compression, at: date)
    }
}
