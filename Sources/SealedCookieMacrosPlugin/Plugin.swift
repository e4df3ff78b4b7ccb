// Every target of this package is built with `--enable-all-traits` in the repository, but an
// application that leaves the Macros trait off must not resolve or compile swift-syntax: the
// condition on the plugin's dependencies drops them, and these sources then compile to a stub
// `main` so the macro executable still links. Without the trait nothing expands @SessionJSON.
#if Macros
import SwiftCompilerPlugin
import SwiftSyntaxMacros

/// The compiler plugin that serves `SealedCookieMacros`' macros.
@main
struct SealedCookieMacrosPlugin: CompilerPlugin {
    let providingMacros: [any Macro.Type] = [SessionJSONMacro.self]
}
#else
/// Stands in for the plugin when the Macros trait is off (no swift-syntax).
@main
enum SealedCookieMacrosPlugin {
    static func main() {}
}
#endif
