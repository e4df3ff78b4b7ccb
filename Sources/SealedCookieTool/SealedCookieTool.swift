import ArgumentParser

/// `sealed-cookie`: make keys, seal and open session cookies, look inside one, and measure how
/// big sessions become as cookies.
@main
struct SealedCookieTool: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sealed-cookie",
        abstract:
            "Create keys for, seal, open, inspect and size SealedCookie session cookies; train their dictionaries.",
        discussion: """
            Keys are read from a file (--key-file) or an environment variable (--key-env, default \
            \(KeyOptions.defaultEnvironmentVariable)); they are never taken from the command line, \
            which other users of the machine can see.

            Examples:
              sealed-cookie keygen > keys.txt
              echo '{"user_id":"u1"}' | sealed-cookie encode --key-file keys.txt
              sealed-cookie decode --key-file keys.txt 'Cookie: session=AbC…'
              sealed-cookie inspect AbC…
              sealed-cookie size-report --format markdown
              sealed-cookie dictionary train samples/ --id 1 -o sessions.zdict
            """,
        subcommands: [Keygen.self, Encode.self, Decode.self, Inspect.self, SizeReport.self, DictionaryCommand.self]
    )
}
