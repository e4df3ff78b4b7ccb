/// Random text that does not compress, to grow a session to a chosen sealed size.
enum Filler {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")

    /// `characters` random characters of the base64url alphabet (6 bits of entropy each).
    static func random(characters: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<characters).map { _ in alphabet[Int(generator.next() & 63)] })
    }
}
