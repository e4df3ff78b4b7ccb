#if Hummingbird
public import Hummingbird
public import HummingbirdAuth
// The session and reply types are framework-free, shared with the Vapor example node.
@_exported public import SealedCookieExampleModel

/// The example app's request context: hummingbird-auth's, holding an ``ExampleSession``.
public typealias ExampleContext = BasicSessionRequestContext<ExampleSession, String>

/// The reply as a Hummingbird response body.
extension NodeReply: ResponseCodable {}
#endif
