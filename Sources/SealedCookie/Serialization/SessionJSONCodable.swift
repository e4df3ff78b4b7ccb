/// A session type that writes and reads its own JSON fields, skipping `Codable`'s dynamic
/// dispatch: about twice as fast, with no allocation per nested struct.
///
/// You rarely write a conformance yourself: the `@SessionJSON` macro of the
/// `SealedCookieMacros` product generates one from the type's stored properties and its
/// `CodingKeys`:
///
/// ```swift
/// import SealedCookieMacros
///
/// @SessionJSON
/// struct UserSession: Codable, Sendable {
///     var userID: String
///     var roles: [String]
///     var flash: String?
/// }
/// ```
///
/// ``JSONSessionSerializer`` uses the conformance for the session and for every conforming
/// value inside it; other values keep going through `Codable`. The bytes are the same either
/// way (Foundation's `.sortedKeys` JSON), so sessions sealed before the conformance was added
/// open after it and the other way round.
///
/// A conformance written by hand must do what the synthesized `Codable` conformance does:
/// write every field with ``SessionJSONWriter``'s `field(_:_:)` in ascending order of
/// the keys' UTF-8 bytes (a value written out of order is encoded through `Codable` instead,
/// correct but slower), skip nil optionals, and read with ``SessionJSONReader``, using
/// its `optionalField(_:)` where `Codable` would use `decodeIfPresent`.
public protocol SessionJSONCodable: Codable {
    /// Writes each stored property's key and value, keys in ascending order of their UTF-8
    /// bytes.
    func encodeJSONFields(to writer: inout SessionJSONWriter) throws
    /// Reads each stored property from the object that `reader` stands on.
    init(jsonFields reader: SessionJSONReader) throws
}
