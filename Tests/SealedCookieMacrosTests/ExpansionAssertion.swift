#if Macros
import SealedCookieMacrosPlugin
import SwiftSyntax
import SwiftSyntaxMacroExpansion
import SwiftSyntaxMacrosGenericTestSupport
import Testing

/// `conformances` makes the test expansion pass the protocol as missing, as the compiler does
/// for a type that does not conform yet.
let sessionJSONSpecs: [String: MacroSpec] = [
    "SessionJSON": MacroSpec(
        type: SessionJSONMacro.self,
        conformances: [TypeSyntax(IdentifierTypeSyntax(name: .identifier("SessionJSONCodable")))])
]

/// `assertMacroExpansion` reporting through Swift Testing, at the caller's line.
func assertSessionJSON(
    _ source: String,
    expandsTo expandedSource: String,
    diagnostics: [DiagnosticSpec] = [],
    macroSpecs: [String: MacroSpec] = sessionJSONSpecs,
    fileID: StaticString = #fileID,
    filePath: StaticString = #filePath,
    line: UInt = #line,
    column: UInt = #column
) {
    assertMacroExpansion(
        source,
        expandedSource: expandedSource,
        diagnostics: diagnostics,
        macroSpecs: macroSpecs,
        failureHandler: { failure in
            Issue.record(
                Comment(rawValue: failure.message),
                sourceLocation: SourceLocation(
                    fileID: failure.location.fileID,
                    filePath: failure.location.filePath,
                    line: failure.location.line,
                    column: failure.location.column))
        },
        fileID: fileID,
        filePath: filePath,
        line: line,
        column: column
    )
}
#endif
