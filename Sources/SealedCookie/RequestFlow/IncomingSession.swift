/// What the request carried, read through the cookie layer (or the codec, for a bearer token).
package enum IncomingSession<Session: Sendable>: Sendable {
    /// No session cookie or token.
    case absent
    /// A session that opened and authenticated.
    case opened(OpenedSession<Session>)
    /// A cookie or token that did not open; the reason is for the debug log only, the refusal
    /// for the metrics.
    case rejected(reason: String, refusal: SessionRefusal)
    /// Two cookies that opened to different sessions: one was planted through a sibling
    /// subdomain (see ``SessionCookieError/conflictingSessions(candidateCount:)``).
    case conflicting(reason: String)

    /// The session in the request's `Cookie` fields, parsed by `cookies`, with its digest for the
    /// request flow's comparison.
    package init(requestCookies: RequestCookies, cookies: SessionCookies<Session>) {
        do {
            self = try cookies.session(in: requestCookies, digesting: true).map(Self.opened) ?? .absent
        } catch {
            if case .conflictingSessions = error {
                self = .conflicting(reason: error.description)
            } else {
                self = .rejected(reason: error.description, refusal: SessionRefusal(error))
            }
        }
    }

    /// The session in a bearer token, with its digest for the request flow's comparison.
    package init(token: String, codec: SessionCodec<Session>) {
        do {
            self = .opened(try codec.open(token, digesting: true))
        } catch {
            self = .rejected(reason: error.description, refusal: SessionRefusal(error))
        }
    }
}
