#if Vapor
// The configuration and token mode live in the core, shared with the Hummingbird middleware: an
// app that imports this module names them as before.
@_exported public import SealedCookie
#endif
