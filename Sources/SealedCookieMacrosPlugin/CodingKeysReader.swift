#if Macros
import SwiftDiagnostics
// `StringLiteralExprSyntax.representedLiteralValue`: the literal's value, escapes resolved.
import SwiftParser
import SwiftSyntax

/// A case of the struct's `CodingKeys`: the property it names and the JSON key it gives it.
struct CodingKeyCase {
    /// The case name without backticks, which is the property's name.
    let propertyName: String
    /// The raw value when the enum's raw type is `String` and one is written, else the case
    /// name: `CodingKey.stringValue`, which is what JSONEncoder writes.
    let key: String
    let node: EnumCaseElementSyntax
}

/// Reads `enum CodingKeys` the way `Codable` synthesis uses it.
enum CodingKeysReader {
    /// The cases of the struct's `CodingKeys` enum in declaration order, or nil when the struct
    /// declares none (every stored property is then coded under its own name).
    static func cases(in members: MemberBlockItemListSyntax, diagnostics: inout [Diagnostic]) -> [CodingKeyCase]? {
        for member in members {
            if let codingKeys = member.decl.as(EnumDeclSyntax.self), codingKeys.name.text == "CodingKeys" {
                return cases(of: codingKeys, diagnostics: &diagnostics)
            }
            if let kind = nonEnumCodingKeysKind(member.decl) {
                diagnostics.append(
                    Diagnostic(node: member.decl, message: SessionJSONDiagnostic.codingKeysNotAnEnum(kind: kind)))
                return []
            }
        }
        return nil
    }

    private static func cases(of codingKeys: EnumDeclSyntax, diagnostics: inout [Diagnostic]) -> [CodingKeyCase] {
        let hasStringRawValues =
            codingKeys.inheritanceClause?.inheritedTypes.first.map {
                let type = $0.type.trimmedDescription
                return type == "String" || type == "Swift.String"
            } ?? false
        var result: [CodingKeyCase] = []
        for member in codingKeys.memberBlock.members {
            guard let caseDecl = member.decl.as(EnumCaseDeclSyntax.self) else { continue }
            for element in caseDecl.elements {
                let name = unbackticked(element.name.text)
                guard hasStringRawValues, let rawValue = element.rawValue?.value else {
                    result.append(CodingKeyCase(propertyName: name, key: name, node: element))
                    continue
                }
                guard let literal = rawValue.as(StringLiteralExprSyntax.self)?.representedLiteralValue else {
                    diagnostics.append(
                        Diagnostic(
                            node: rawValue, message: SessionJSONDiagnostic.nonLiteralRawValue(caseName: name)))
                    continue
                }
                result.append(CodingKeyCase(propertyName: name, key: literal, node: element))
            }
        }
        return result
    }

    /// A `CodingKeys` the macro cannot read: a struct, class or type alias of that name.
    private static func nonEnumCodingKeysKind(_ decl: DeclSyntax) -> String? {
        if let declaration = decl.as(StructDeclSyntax.self), declaration.name.text == "CodingKeys" {
            return "a struct"
        }
        if let declaration = decl.as(ClassDeclSyntax.self), declaration.name.text == "CodingKeys" {
            return "a class"
        }
        if let declaration = decl.as(TypeAliasDeclSyntax.self), declaration.name.text == "CodingKeys" {
            return "a type alias"
        }
        return nil
    }
}
#endif
