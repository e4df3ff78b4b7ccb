#if Hummingbird
public import HTTPTypes
public import SealedCookie

extension SessionTokenMode {
    /// `Session-Token`, the default `responseHeader`, as Hummingbird names fields: for CORS
    /// settings and tests.
    ///
    /// ```swift
    /// router.add(middleware: CORSMiddleware(
    ///     allowOrigin: .oneOf("https://app.example.org"),
    ///     allowHeaders: [.accept, .authorization, .contentType, .origin, SessionTokenMode.defaultResponseHeader],
    ///     allowMethods: [.get, .post, .put, .delete, .options],
    ///     allowCredentials: false,                 // true only if that origin also sends cookies
    ///     exposedHeaders: ["Session-Token"]))      // lets the client read the re-sealed token
    /// router.add(middleware: SealedSessionMiddleware(configuration: configuration))
    /// ```
    public static let defaultResponseHeader = HTTPField.Name("Session-Token")!  // A valid token literal: never nil.
}
#endif
