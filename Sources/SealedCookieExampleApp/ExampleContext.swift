public import HummingbirdAuth

/// The example app's request context: hummingbird-auth's, holding an ``ExampleSession``.
public typealias ExampleContext = BasicSessionRequestContext<ExampleSession, String>
