import ArgumentParser

/// The attributes of the Set-Cookie lines and the size budgets they are checked against.
struct CookieOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The root domain the cookie is scoped to (Domain attribute); omit for a host-only cookie.", valueName: "domain"))
    var domain: String?

    @Option(help: "The Path attribute.")
    var path = "/"

    @Option(name: .customLong("same-site"), help: "The SameSite attribute: lax, strict or none.")
    var sameSite: SameSite = .lax

    @Flag(
        name: .customLong("no-chunking"),
        help: "Fail instead of splitting a value over name, name.1, name.2 … when it passes the 4096-byte cookie limit.")
    var chunkingDisabled = false

    @Option(
        name: .customLong("request-budget"),
        help: ArgumentHelp("The bytes a Cookie request header may take (nginx and Apache allow about 8 KB).", valueName: "bytes"))
    var requestBudget = StandInCookieLayer.defaultRequestBudget

    func validate() throws {
        guard requestBudget >= 64 else { throw ValidationError("--request-budget must be at least 64 bytes.") }
    }

    var attributes: StandInCookieLayer.Attributes {
        StandInCookieLayer.Attributes(domain: domain, path: path, sameSite: sameSite.attributeValue)
    }
}

/// The SameSite attribute values.
enum SameSite: String, ExpressibleByArgument, CaseIterable {
    case lax, strict, none

    var attributeValue: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}
