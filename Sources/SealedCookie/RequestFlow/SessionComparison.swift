/// How the middleware tells whether the handler changed the session it loaded.
///
/// For an `Equatable` session type, with `==`: nothing is serialized to compare. For any other,
/// by its serialized bytes: the loaded session's ``SessionDigest`` comes from the plaintext
/// `open` read it from (``OpenedSession/digest``; no plaintext copy is kept while the handler
/// runs), and the current session's bytes are handed on to be sealed, so that it is serialized
/// once.
package struct SessionComparison<Session: Sendable>: Sendable {
    private let codec: SessionCodec<Session>
    /// `==` of the session type, or nil when it is not `Equatable`.
    private let equals: (@Sendable (Session, Session) -> Bool)?

    package init(codec: SessionCodec<Session>) {
        self.codec = codec
        self.equals = (Session.self as? any (Equatable & SendableMetatype).Type).map {
            equality(of: $0, as: Session.self)
        }
    }

    /// Whether `current` differs from `loaded`, and the bytes serialized to tell, if any.
    package func compare(_ current: Session, with loaded: LoadedSession<Session>) -> (
        isChanged: Bool, serialized: SerializedSession?
    ) {
        if let equals { return (!equals(current, loaded.session), nil) }
        guard let serialized = SerializedSession(current, codec: codec) else { return (true, nil) }
        return (loaded.digest != SessionDigest(of: serialized.bytes), serialized)
    }
}

/// `==` of `E` on values typed as `S`, which is `E`.
private func equality<E: Equatable & SendableMetatype, S>(of _: E.Type, as _: S.Type) -> @Sendable (S, S) -> Bool {
    // `S` is `E` (the caller cast `S.self` to `E`'s metatype), so the values are reinterpreted
    // rather than cast: `as?` is a runtime cast of each value on every request.
    guard S.self == E.self else { return { ($0 as? E) == ($1 as? E) } }
    return { unsafeBitCast($0, to: E.self) == unsafeBitCast($1, to: E.self) }
}
