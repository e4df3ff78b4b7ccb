extension SessionCookies {
    /// The session carried by the request's `Cookie` header(s), or nil when there is no
    /// session cookie at all.
    ///
    /// Every cookie with the session's name is a candidate, and for a chunked session every
    /// combination of the duplicate chunks sent: a sibling subdomain can plant any of them for
    /// the root domain, with a longer `Path` so that browsers send them first. Candidates are
    /// tried in the order sent, and a session is returned only when every candidate that could
    /// open to another session was tried. There is no session
    /// (``SessionCookieError/conflictingSessions(candidateCount:)``) when:
    /// - two candidates open to different sessions: one was planted by someone who can seal
    ///   valid sessions (any user of the application), and taking either could act for the
    ///   wrong user;
    /// - a session opened, but a bound ended the search with another candidate left untried:
    ///   at most ``SessionCookiesConfiguration/maxOpenAttempts`` candidates reach the
    ///   authenticated decryption and at most 256 are visited, so planted junk that passes the
    ///   cheap checks can use them up, and the session that opened is not known to be the only
    ///   one.
    ///
    /// Junk that the cheap checks reject before the decryption uses up no attempt, but once the
    /// attempts are used up any further value counts as untried, since it is not opened. Never
    /// counted as untried: a candidate whose chunk marker is malformed or whose chunks are
    /// missing, and another copy of the value that opened; and a bound reached on the last
    /// candidate leaves none. So, while the user's own cookie is sent, planted cookies can
    /// leave the request without a session but never make it run as another user.
    /// When ``OpenedSession/needsResealing`` is true, write the session again on this response.
    ///
    /// - Parameter cookieHeaders: Every `Cookie` header value of the request, in order.
    /// - Throws: a reading error to log (never to show): ``SessionCookieError/cookieHeaderTooLong(length:limit:)``
    ///   or ``SessionCookieError/tooManyCookies(limit:)`` when a parsing limit is broken, a chunk error,
    ///   ``SessionCookieError/conflictingSessions(candidateCount:)`` (log it at warning level,
    ///   rate-limited), or ``SessionCookieError/unreadable(_:candidateCount:)`` with the codec's
    ///   reason (expired, tampered …) for the first candidate when none opened.
    public func session(fromCookieHeaders cookieHeaders: [String]) throws(SessionCookieError) -> OpenedSession<Session>?
    {
        try session(in: parseCookieHeaders(cookieHeaders), digesting: false)
    }

    /// ``session(fromCookieHeaders:)`` with the request's `Cookie` fields parsed once by
    /// `parseCookieHeaders(_:)`; `digesting` as in `SessionCodec.open(_:digesting:)`.
    package func session(
        in requestCookies: RequestCookies, digesting: Bool
    ) throws(SessionCookieError) -> OpenedSession<Session>? {
        let header = try requestCookies.parsedHeader()
        var reader = CandidateReader(
            codec: codec, maxAttempts: state.configuration.maxOpenAttempts, digesting: digesting)
        let visitsRanOut = CookieChunks.forEachCandidate(
            in: header, base: cookieName, maxChunkCount: state.configuration.maxChunkCount
        ) { reader.visit($0) }
        return try reader.result(visitsRanOut: visitsRanOut)
    }
}

/// The state of one read over the candidates: the first session that opened, the first reason
/// a candidate failed, and whether a bound left a candidate untried.
private struct CandidateReader<Session: Sendable> {
    let codec: SessionCodec<Session>
    /// ``SessionCookiesConfiguration/maxOpenAttempts``.
    let maxAttempts: Int
    /// Whether each opened session carries its digest (see `SessionCodec.open(_:digesting:)`).
    let digesting: Bool
    private var opened: (value: String, session: OpenedSession<Session>)?
    private var firstFailure: SessionCookieError?
    private var candidateCount = 0
    private var attempts = 0
    private var isConflicting = false
    /// Whether the attempts ran out before a candidate that would need opening.
    private var isTruncated = false

    init(codec: SessionCodec<Session>, maxAttempts: Int, digesting: Bool) {
        self.codec = codec
        self.maxAttempts = maxAttempts
        self.digesting = digesting
    }

    /// Reads one candidate; false when reading must stop.
    mutating func visit(_ candidate: Result<String, SessionCookieError>) -> Bool {
        let value: String
        switch candidate {
        case .success(let assembled): value = assembled
        case .failure(let error):
            candidateCount += 1
            firstFailure = firstFailure ?? error
            return true
        }
        // The same cookie sent twice (for example set once per Path) is one session.
        if value == opened?.value {
            candidateCount += 1
            return true
        }
        // Any other value might open to another session: when it cannot be tried, the session
        // that opened (if any) is not known to be the only one, so it is not taken.
        guard attempts < maxAttempts else {
            isTruncated = true
            return false
        }
        candidateCount += 1
        do throws(SessionCodecError) {
            let session = try codec.open(value, digesting: digesting)
            attempts += 1
            guard let first = opened else {
                opened = (value, session)
                return true
            }
            guard isSame(first.session, session) else {
                isConflicting = true
                return false
            }
            return true
        } catch {
            if error.reachedDecryption { attempts += 1 }
            firstFailure = firstFailure ?? .unreadable(error, candidateCount: 0)
            return true
        }
    }

    /// Whether two opened sessions are the same session, told by their serialized bytes: by the
    /// digests of the plaintexts they were read from when both have one and share a wire
    /// version (whose layout of body and secrets is the same), by serializing both otherwise (a
    /// session that does not serialize counts as different: nothing proves it the same).
    private func isSame(_ first: OpenedSession<Session>, _ second: OpenedSession<Session>) -> Bool {
        if let one = first.digest, let other = second.digest, first.header.version == second.header.version {
            return one == other
        }
        guard var one = try? codec.serialize(first.session) else { return false }
        defer { one.zeroize() }
        guard var other = try? codec.serialize(second.session) else { return false }
        defer { other.zeroize() }
        return one == other
    }

    /// The session, or why there is none; `visitsRanOut` says whether the visit bound left a
    /// candidate unread. A session is taken only when every candidate that could open to
    /// another one was tried: a sibling host can plant junk that uses up the bounds and then
    /// his own session, ahead of the victim's cookie.
    func result(visitsRanOut: Bool) throws(SessionCookieError) -> OpenedSession<Session>? {
        if isConflicting || (opened != nil && (isTruncated || visitsRanOut)) {
            throw .conflictingSessions(candidateCount: candidateCount)
        }
        if let opened { return opened.session }
        switch firstFailure {
        case nil: return nil
        case .unreadable(let error, _)?: throw .unreadable(error, candidateCount: candidateCount)
        case let failure?: throw failure
        }
    }
}

extension SessionCodecError {
    /// Whether opening got as far as the authenticated decryption, the costly step that
    /// ``SessionCookiesConfiguration/maxOpenAttempts`` bounds. The cheap checks before it
    /// (length, base64url, header, key and dictionary ids, times, session age) do not count, so that junk duplicates cannot
    /// use up the attempts before the real cookie is tried. A reason not listed counts, so that
    /// the bound holds for any reason added later.
    var reachedDecryption: Bool {
        switch self {
        case .malformed, .valueTooLarge, .unsupportedVersion, .unknownKeyID, .unknownDictionaryID, .expired,
            .notYetValid,
            .sessionTooOld:
            false
        default: true
        }
    }
}
