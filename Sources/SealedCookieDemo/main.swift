import Foundation
import SealedCookie

// Seals a sample session, prints the cookie value and its size, and opens it again.
struct SampleSession: Codable, Sendable, Equatable {
    var userID: String
    var name: String
    var roles: [String]
    var csrfToken: String
}

do {
    let keyRing = try KeyRing(primary: SessionKey.generate(id: 1))
    let codec = try SessionCodec<SampleSession>(
        configuration: SessionCodecConfiguration(cookieName: "session", keyRing: keyRing))
    let session = SampleSession(
        userID: "usr_7f3k29xqhm2", name: "Zoë Castellano", roles: ["customer", "beta_tester"],
        csrfToken: "q7ZsK2vN9xR4tW1mB8cF3hJ6pL0dG5yE")
    let value = try codec.seal(session)
    let opened = try codec.openWithDetails(value)
    print("Set-Cookie: session=\(value); Path=/; Max-Age=86400; Secure; HttpOnly; SameSite=Lax")
    print("value: \(value.utf8.count) characters; opened by key \(opened.header.keyID), expires \(opened.header.expiresAt)")
    print(opened.session == session ? "round trip: OK" : "round trip: MISMATCH")
    exit(opened.session == session ? 0 : 1)
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
