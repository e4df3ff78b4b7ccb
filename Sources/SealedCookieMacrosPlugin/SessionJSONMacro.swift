#if Macros
import SwiftDiagnostics
public import SwiftSyntax
import SwiftSyntaxBuilder
public import SwiftSyntaxMacros

/// `@SessionJSON`: conforms a `Codable` struct to `SealedCookie.SessionJSONCodable` with code
/// that writes and reads the same JSON as `JSONEncoder` with `.sortedKeys` and `JSONDecoder`,
/// field by field, without the `Codable` machinery.
public struct SessionJSONMacro: ExtensionMacro {
    public static func expansion(
        of node: AttributeSyntax,
        attachedTo declaration: some DeclGroupSyntax,
        providingExtensionsOf type: some TypeSyntaxProtocol,
        conformingTo protocols: [TypeSyntax],
        in context: some MacroExpansionContext
    ) throws -> [ExtensionDeclSyntax] {
        guard let structDecl = declaration.as(StructDeclSyntax.self) else {
            let message = SessionJSONDiagnostic.notAStruct(kind: kind(of: declaration))
            context.diagnose(Diagnostic(node: node, message: message))
            return []
        }
        var diagnostics: [Diagnostic] = []
        let fields = codedFields(of: structDecl, diagnostics: &diagnostics)
        for diagnostic in diagnostics {
            context.diagnose(diagnostic)
        }
        // An empty list means the type already conforms (declared elsewhere): add nothing.
        guard diagnostics.isEmpty, !protocols.isEmpty else { return [] }
        let access = accessModifier(of: structDecl.modifiers)
        let writes = fields.map { "try writer.field(\(SwiftStringLiteral.quoted($0.key)), self.\($0.reference))" }
        let reads = fields.filter(\.isDecoded).map { field in
            let read = field.isOptional ? "optionalField" : "field"
            return "self.\(field.reference) = try reader.\(read)(\(SwiftStringLiteral.quoted(field.key)))"
        }
        let source = block(
            "extension \(type.trimmedDescription): SealedCookie.SessionJSONCodable",
            lines: [
                block(
                    "\(access)func encodeJSONFields(to writer: inout SealedCookie.SessionJSONWriter) throws",
                    lines: writes),
                block("\(access)init(jsonFields reader: SealedCookie.SessionJSONReader) throws", lines: reads),
            ])
        guard let extensionDecl = DeclSyntax(stringLiteral: source).as(ExtensionDeclSyntax.self) else { return [] }
        return [extensionDecl]
    }

    /// A braced block, its lines indented; no blank line when it has none (the macro system
    /// formats the result again, but keeps blank lines).
    private static func block(_ header: String, lines: [String]) -> String {
        let body = lines.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false) }.map { "    " + $0 }
        return ([header + " {"] + body + ["}"]).joined(separator: "\n")
    }

    /// A property with its key, in the order the JSON has them.
    struct CodedField {
        let key: String
        let reference: String
        let isOptional: Bool
        let isDecoded: Bool
        /// Where a duplicate key is reported: its CodingKeys case, else the property.
        let node: Syntax
    }

    /// The coded properties, sorted by the UTF-8 bytes of their keys: the order
    /// `JSONEncoder.OutputFormatting.sortedKeys` writes, so the output is byte-identical.
    static func codedFields(of structDecl: StructDeclSyntax, diagnostics: inout [Diagnostic]) -> [CodedField] {
        let typeName = structDecl.name.text
        if let generics = structDecl.genericParameterClause {
            diagnostics.append(
                Diagnostic(node: generics, message: SessionJSONDiagnostic.genericStruct(name: typeName)))
        }
        let members = structDecl.memberBlock.members
        diagnoseOwnCodableMembers(members, typeName: typeName, diagnostics: &diagnostics)
        let properties = StoredProperty.all(in: members, diagnostics: &diagnostics)
        var fields: [CodedField] = []
        if let codingKeys = CodingKeysReader.cases(in: members, diagnostics: &diagnostics) {
            for codingKey in codingKeys {
                guard let property = properties.first(where: { $0.name == codingKey.propertyName }) else {
                    let message = SessionJSONDiagnostic.codingKeyWithoutProperty(
                        caseName: codingKey.propertyName, type: typeName)
                    diagnostics.append(Diagnostic(node: codingKey.node, message: message))
                    continue
                }
                fields.append(field(property, key: codingKey.key, node: Syntax(codingKey.node)))
            }
        } else {
            fields = properties.map { field($0, key: $0.name, node: $0.node) }
        }
        // Keys equal as Swift strings (canonically equivalent) are one dictionary key to
        // JSONEncoder, so they count as duplicates here too.
        var seen: Set<String> = []
        for field in fields where !seen.insert(field.key).inserted {
            let message = SessionJSONDiagnostic.duplicateKey(key: field.key)
            diagnostics.append(Diagnostic(node: field.node, message: message))
        }
        return fields.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
    }

    private static func field(_ property: StoredProperty, key: String, node: Syntax) -> CodedField {
        CodedField(
            key: key, reference: property.reference, isOptional: property.isOptional,
            isDecoded: property.isDecoded, node: node)
    }

    /// A hand-written `init(from:)` or `encode(to:)` codes a JSON the generated code would not.
    private static func diagnoseOwnCodableMembers(
        _ members: MemberBlockItemListSyntax,
        typeName: String,
        diagnostics: inout [Diagnostic]
    ) {
        for member in members {
            if let initializer = member.decl.as(InitializerDeclSyntax.self),
                argumentLabels(initializer.signature.parameterClause) == ["from"]
            {
                let message = SessionJSONDiagnostic.ownInitFrom(type: typeName)
                diagnostics.append(Diagnostic(node: initializer.initKeyword, message: message))
            }
            if let function = member.decl.as(FunctionDeclSyntax.self), function.name.text == "encode",
                argumentLabels(function.signature.parameterClause) == ["to"]
            {
                let message = SessionJSONDiagnostic.ownEncodeTo(type: typeName)
                diagnostics.append(Diagnostic(node: function.name, message: message))
            }
        }
    }

    private static func argumentLabels(_ parameters: FunctionParameterClauseSyntax) -> [String] {
        parameters.parameters.map { $0.firstName.text }
    }

    /// Members as visible as the struct: `public` (also for an `open`-less `public` struct's
    /// conformance to be usable from other modules), `package`, or the default.
    private static func accessModifier(of modifiers: DeclModifierListSyntax) -> String {
        for modifier in modifiers {
            switch modifier.name.tokenKind {
            case .keyword(.public), .keyword(.open): return "public "
            case .keyword(.package): return "package "
            default: continue
            }
        }
        return ""
    }

    private static func kind(of declaration: some DeclGroupSyntax) -> String {
        if declaration.is(ClassDeclSyntax.self) { return "a class" }
        if declaration.is(EnumDeclSyntax.self) { return "an enum" }
        if declaration.is(ActorDeclSyntax.self) { return "an actor" }
        if declaration.is(ProtocolDeclSyntax.self) { return "a protocol" }
        if declaration.is(ExtensionDeclSyntax.self) { return "an extension" }
        return "this declaration"
    }
}
#endif
