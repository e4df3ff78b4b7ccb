/// A failure the tool reports on standard error before exiting with status 1.
///
/// Messages say what went wrong and what to do; none contains a key or session contents.
struct ToolError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
