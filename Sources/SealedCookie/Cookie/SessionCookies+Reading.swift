extension SessionCookies {
    /// The session carried by the request's `Cookie` header(s), or nil when there is no
    /// session cookie at all.
    ///
    /// Every cookie with the session's name is a candidate: a sibling subdomain can plant one
    /// for the root domain, with a longer `Path` so that browsers send it first. Candidates are
    /// tried in the order sent; at most ``SessionCookiesConfiguration/maxOpenAttempts`` of them
    /// may reach the authenticated decryption (junk rejected by the cheap checks before it does
    /// not count, so it cannot hide the real cookie). When two candidates open to different
    /// sessions, one was planted by someone who can seal valid sessions (any user of the
    /// application), and taking either could act for the wrong user: the request then has no
    /// session (``SessionCookieError/conflictingSessions(candidateCount:)``).
    /// When ``OpenedSession/needsResealing`` is true, write the session again on this response.
    ///
    /// - Parameter cookieHeaders: Every `Cookie` header value of the request, in order.
    /// - Throws: a reading error to log (never to show): ``SessionCookieError/cookieHeaderTooLong(length:limit:)``
    ///   or ``SessionCookieError/tooManyCookies(limit:)`` when a parsing limit is broken, a chunk error,
    ///   ``SessionCookieError/conflictingSessions(candidateCount:)`` (log it at warning level,
    ///   rate-limited), or ``SessionCookieError/unreadable(_:candidateCount:)`` with the codec's
    ///   reason (expired, tampered …) for the first candidate.
    public func session(fromCookieHeaders cookieHeaders: [String]) throws(SessionCookieError) -> OpenedSession<Session>?
    {
        try session(in: parseCookieHeaders(cookieHeaders))
    }

    /// ``session(fromCookieHeaders:)`` with the request's `Cookie` fields already parsed by
    /// `parseCookieHeaders(_:)`.
    package func session(
        in requestCookies: Result<CookieHeader, CookieHeaderError>
    ) throws(SessionCookieError) -> OpenedSession<Session>? {
        let header: CookieHeader
        switch requestCookies {
        case .success(let parsed): header = parsed
        case .failure(let error): throw SessionCookieError(error)
        }
        var reader = CandidateReader(codec: codec)
        CookieChunks.forEachCandidate(
            in: header, base: cookieName, maxChunkCount: configuration.maxChunkCount,
            maxAttempts: configuration.maxOpenAttempts
        ) { reader.visit($0) }
        return try reader.result()
    }
}

/// The state of one read over the candidates: the first session that opened, and the first
/// reason a candidate failed.
private struct CandidateReader<Session: Sendable> {
    let codec: SessionCodec<Session>
    private var opened: (value: String, session: OpenedSession<Session>)?
    private var firstFailure: SessionCookieError?
    private var candidateCount = 0
    private var isConflicting = false

    init(codec: SessionCodec<Session>) {
        self.codec = codec
    }

    mutating func visit(_ candidate: Result<String, SessionCookieError>) -> CookieChunks.Verdict {
        candidateCount += 1
        let value: String
        switch candidate {
        case .success(let assembled): value = assembled
        case .failure(let error):
            firstFailure = firstFailure ?? error
            return .next(reachedDecryption: false)
        }
        // The same cookie sent twice (for example set once per Path) is one session.
        if value == opened?.value { return .next(reachedDecryption: false) }
        do throws(SessionCodecError) {
            let session = try codec.open(value)
            guard let first = opened else {
                opened = (value, session)
                return .next(reachedDecryption: true)
            }
            guard isSame(first.session.session, session.session) else {
                isConflicting = true
                return .stop
            }
            return .next(reachedDecryption: true)
        } catch {
            firstFailure = firstFailure ?? .unreadable(error, candidateCount: 0)
            return .next(reachedDecryption: error.reachedDecryption)
        }
    }

    /// Whether two opened sessions are the same session, told by their serialized bytes (a
    /// session that does not serialize counts as different: nothing proves it the same).
    private func isSame(_ first: Session, _ second: Session) -> Bool {
        guard var one = try? codec.serialize(first) else { return false }
        defer { one.zeroize() }
        guard var other = try? codec.serialize(second) else { return false }
        defer { other.zeroize() }
        return one == other
    }

    func result() throws(SessionCookieError) -> OpenedSession<Session>? {
        if isConflicting { throw .conflictingSessions(candidateCount: candidateCount) }
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
