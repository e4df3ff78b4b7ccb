#if Macros
// Re-exported so `import SealedCookieMacros` alone names `SessionJSONCodable`, the writer and the
// reader the generated code calls.
@_exported public import SealedCookie

/// Generates the JSON code of a session struct: a conformance to `SessionJSONCodable` that writes
/// and reads its fields directly, instead of going through `Codable`.
///
/// Attach it to a non-generic `struct` that is `Codable`. The macro adds an extension with
/// `encodeJSONFields(to:)` and `init(jsonFields:)`, which code the same fields, under the same
/// keys, as `Codable` synthesis would. The JSON it writes is byte-identical to `JSONEncoder` with
/// `.sortedKeys`: fields come in the order of their keys' UTF-8 bytes. `Codable` stays the
/// fallback, so a session can drop the macro at any time without changing a cookie.
///
/// ```swift
/// import SealedCookieMacros
///
/// @SessionJSON
/// public struct UserSession: Codable, Sendable {
///     var userID: String
///     var nickname: String?
///     let version = 2  // encoded, never decoded, as with Codable
///     var isAdmin = false
///
///     enum CodingKeys: String, CodingKey {
///         case userID = "user_id", nickname, version, isAdmin = "is_admin"
///     }
/// }
/// ```
///
/// The macro reads the declaration as written:
///
/// - Only stored instance properties are coded. Computed and `static` properties are skipped;
///   a property with only `willSet` or `didSet` observers is stored and coded.
/// - With an `enum CodingKeys` (raw type `String` or none), only the properties its cases name
///   are coded, each under the case's raw value, or its name when it has none. A case that names
///   no stored property, a raw value that is not a plain string literal, or two properties with
///   one key is an error. Without `CodingKeys`, each property's key is its name (without
///   backticks).
/// - An optional property decodes as `nil` when its key is missing or `null`, as
///   `decodeIfPresent` does; any other type is required. Optionals written `T?`, `T!`,
///   `Optional<T>` or `Swift.Optional<T>` take the shortest path; one behind a type alias is
///   recognised when its key is missing.
/// - A property with a wrapper (`SessionSecret`, say) is coded through its wrapper, under the
///   property's name, as with `Codable`.
/// - A `let` with an initial value is encoded but never decoded, as with `Codable`.
/// - The generated members are `public` for a `public` or `open` struct, `package` for a
///   `package` one, and internal otherwise. A `public` struct in a module built with
///   `InternalImportsByDefault` needs `public import SealedCookieMacros`: its public members
///   name the writer and the reader.
///
/// These declarations are errors, each saying what to change or to remove the macro: a class,
/// enum, actor or protocol; a generic struct; a `lazy` property; stored properties inside `#if`; a struct with its own `init(from:)` or
/// `encode(to:)` in its body, whose JSON the generated code would not match.
///
/// > Important: The macro sees only the struct's own body. An `init(from:)` or `encode(to:)`
/// > declared in an *extension* is not diagnosed, and SealedCookie's serializer never calls it:
/// > sealing and opening run the generated `encodeJSONFields(to:)` and `init(jsonFields:)`
/// > instead, so validation written in such an `init(from:)` is silently skipped (Foundation's
/// > `JSONDecoder` and `JSONEncoder` still call the extension's members, so the two paths
/// > disagree). A `CodingKeys` in an extension is likewise not followed: the generated code
/// > uses the property names. Declare these in the struct's body, where the macro refuses a
/// > custom `init(from:)` or `encode(to:)` with an error, or validate the session after
/// > opening it.
///
/// A type that already conforms to `SessionJSONCodable` gets no extension.
///
/// The macro needs the package trait `Macros`, which builds swift-syntax.
@attached(
    extension,
    conformances: SessionJSONCodable,
    names: named(encodeJSONFields(to:)), named(init(jsonFields:))
)
public macro SessionJSON() = #externalMacro(module: "SealedCookieMacrosPlugin", type: "SessionJSONMacro")
#endif
