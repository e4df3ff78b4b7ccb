#if Hummingbird
// The clock and log recorder are shared with the Vapor tests.
@_exported import SealedCookieTestSupport
#endif
