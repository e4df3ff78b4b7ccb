import ArgumentParser

extension SealedCookieTool {
    /// `sealed-cookie dictionary train|inspect`: zstd dictionaries for an application's sessions.
    struct DictionaryCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dictionary",
            abstract: "Train and inspect zstd session dictionaries, which make cookies about half the size.",
            discussion: """
                A dictionary holds what an application's sessions have in common, so each cookie carries \
                only what is its own. Train it on made-up sessions of the application's shape, never on \
                real users' sessions, and ship the file with the application: every server needs the \
                same file under the same id (encode, decode and size-report take it with --dictionary).

                Examples:
                  scripts/synthesize-sessions samples --count 1000
                  sealed-cookie dictionary train samples --id 1 -o sessions.zdict
                  sealed-cookie dictionary inspect sessions.zdict
                """,
            subcommands: [Train.self, Inspect.self])
    }
}
