public import SealedCookie

/// The fixed key every target seals and opens with (bytes 00 01 … 1f, SPEC.md's key A), so that
/// seeds sealed by one run still open in the next.
public func fuzzKeyRing() -> KeyRing? {
    guard let key = try? SessionKey(id: 1, bytes: (0..<32).map { UInt8($0) }) else { return nil }
    return try? KeyRing(primary: key)
}

/// Stops the run with a finding: libFuzzer saves the input that got here.
public func finding(_ message: String) -> Never {
    fatalError("fuzz finding: \(message)")
}

/// The bytes of one input (libFuzzer may pass a null pointer for the empty input).
public func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}

/// The raw-content dictionary of SPEC.md's vector 3, id 1: the fuzz targets compress with it.
public func fuzzDictionaries() -> SessionDictionaryRing? {
    let content = #"{"login_at":1732400000,"mfa":false,"roles":["customer"],"user_id":"usr_"}"#
    guard let dictionary = try? SessionDictionary(id: 1, bytes: Array(content.utf8)) else { return nil }
    return try? SessionDictionaryRing(primary: dictionary)
}
