extension SessionCodec {
    /// Seals `plaintext` exactly as given behind `header`, under the ring's key of the header's
    /// id, with the authenticated data SPEC.md defines: values no encoder writes (bad padding,
    /// corrupt frames, lying lengths) that still pass the AEAD, for the tests and fuzz targets
    /// that must reach the stages after it. Nil when the ring has no key of that id.
    package func sealRaw(_ plaintext: [UInt8], header: EnvelopeHeader, nonce: [UInt8]) -> String? {
        guard let key = state.configuration.keyRing.key(withID: header.keyID),
            nonce.count == XChaCha20Poly1305.nonceByteCount
        else { return nil }
        let headerBytes = header.encoded()
        var envelope = headerBytes + nonce + plaintext + [UInt8](repeating: 0, count: XChaCha20Poly1305.tagByteCount)
        let payloadStart = headerBytes.count + nonce.count
        envelope.withUnsafeMutableBytes { out in
            withAuthenticatedData(
                header: UnsafeRawBufferPointer(rebasing: out[..<headerBytes.count]), compression: header.compression
            ) { aad in
                XChaCha20Poly1305.seal(
                    UnsafeRawBufferPointer(rebasing: out[payloadStart..<(payloadStart + plaintext.count)]),
                    authenticating: aad, nonce: UnsafeRawBufferPointer(rebasing: out[headerBytes.count..<payloadStart]),
                    key: key.encryptionKey, into: UnsafeMutableRawBufferPointer(rebasing: out[payloadStart...]))
            }
        }
        return Base64URL.encode(envelope)
    }
}
