/// A revocation subject as the stores compare it: by its UTF-8 bytes.
///
/// `String`'s equality and hashing follow Unicode canonical equivalence (a precomposed "josé"
/// equals a decomposed "jose\u{301}"), while PostgreSQL and SQLite compare bytes. Keyed by
/// `String`, a cache would answer for one subject with what the store said about its
/// look-alike, and a lookup shared between the two would do the same.
struct RevocationSubject: Hashable, Sendable {
    let bytes: [UInt8]

    init(_ subject: String) {
        bytes = Array(subject.utf8)
    }

    /// Whether a store can hold the subject: PostgreSQL's `text` cannot hold a NUL character
    /// (its queries fail), so such a subject could never be revoked there. The empty subject
    /// is an ordinary one for every store.
    static func isStorable(_ subject: String) -> Bool {
        !subject.utf8.contains(0)
    }
}
