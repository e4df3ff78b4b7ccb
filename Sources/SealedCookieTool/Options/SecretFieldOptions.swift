import ArgumentParser

/// Top-level fields of the session document kept out of compression, in the value's secret
/// section (SPEC.md, "Secret section"). Sealing and opening must name the same fields.
struct SecretFieldOptions: ParsableArguments {
    @Option(
        name: .customLong("secret-field"),
        help: ArgumentHelp(
            "A top-level field of the document to seal in the secret section, never compressed, so its "
                + "value cannot leak through the cookie's length (repeatable; its name, escapes decoded).",
            valueName: "name"))
    var secretFields: [String] = []
}
