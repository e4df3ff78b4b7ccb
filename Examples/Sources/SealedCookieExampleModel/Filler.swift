/// Random text that does not compress, to grow a session to a chosen sealed size.
public enum Filler {
    /// The most characters a request may ask for.
    public static let maxCharacters = 64 * 1024

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")

    /// `characters` random characters of the base64url alphabet (6 bits of entropy each).
    public static func random(characters: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<characters).map { _ in alphabet[Int(generator.next() & 63)] })
    }
}
