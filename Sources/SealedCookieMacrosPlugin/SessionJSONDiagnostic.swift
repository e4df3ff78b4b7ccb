#if Macros
import SwiftDiagnostics

/// Why @SessionJSON refused a declaration. Each message says what is wrong and what to do:
/// either change the declaration, or drop @SessionJSON and keep `Codable`'s own path.
enum SessionJSONDiagnostic: DiagnosticMessage {
    case notAStruct(kind: String)
    case genericStruct(name: String)
    case lazyProperty(property: String)
    case patternBinding(pattern: String)
    case conditionalProperties
    case ownInitFrom(type: String)
    case ownEncodeTo(type: String)
    case codingKeysNotAnEnum(kind: String)
    case codingKeyWithoutProperty(caseName: String, type: String)
    case nonLiteralRawValue(caseName: String)
    case duplicateKey(key: String)

    var message: String {
        switch self {
        case .notAStruct(let kind):
            "@SessionJSON applies to a struct only, not to \(kind); remove @SessionJSON (Codable keeps "
                + "coding the type)"
        case .genericStruct(let name):
            "@SessionJSON does not support generic structs like '\(name)'; drop @SessionJSON to keep "
                + "Codable's path"
        case .lazyProperty(let property):
            "@SessionJSON does not support lazy properties; make '\(property)' a plain stored property "
                + "or drop @SessionJSON to keep Codable's path"
        case .patternBinding(let pattern):
            "@SessionJSON needs one name per stored property; declare each name of '\(pattern)' "
                + "separately or drop @SessionJSON to keep Codable's path"
        case .conditionalProperties:
            "@SessionJSON cannot see stored properties declared inside #if; move them out of the #if "
                + "or drop @SessionJSON to keep Codable's path"
        case .ownInitFrom(let type):
            "'\(type)' declares its own init(from:), so the JSON @SessionJSON reads would not match "
                + "it; remove init(from:) or drop @SessionJSON"
        case .ownEncodeTo(let type):
            "'\(type)' declares its own encode(to:), so the JSON @SessionJSON writes would not match "
                + "it; remove encode(to:) or drop @SessionJSON"
        case .codingKeysNotAnEnum(let kind):
            "@SessionJSON reads CodingKeys only as an enum, not as \(kind); declare 'enum CodingKeys: "
                + "String, CodingKey' or drop @SessionJSON to keep Codable's path"
        case .codingKeyWithoutProperty(let caseName, let type):
            "CodingKeys case '\(caseName)' names no stored property of '\(type)'; remove the case or "
                + "add the property"
        case .nonLiteralRawValue(let caseName):
            "the raw value of CodingKeys case '\(caseName)' must be a string literal without "
                + "interpolation, so @SessionJSON knows its key; write the key as a plain literal"
        case .duplicateKey(let key):
            "the JSON key \(SwiftStringLiteral.quoted(key)) is used by more than one property; give "
                + "each property its own key in CodingKeys"
        }
    }

    var diagnosticID: MessageID {
        let name: String =
            switch self {
            case .notAStruct: "notAStruct"
            case .genericStruct: "genericStruct"
            case .lazyProperty: "lazyProperty"
            case .patternBinding: "patternBinding"
            case .conditionalProperties: "conditionalProperties"
            case .ownInitFrom: "ownInitFrom"
            case .ownEncodeTo: "ownEncodeTo"
            case .codingKeysNotAnEnum: "codingKeysNotAnEnum"
            case .codingKeyWithoutProperty: "codingKeyWithoutProperty"
            case .nonLiteralRawValue: "nonLiteralRawValue"
            case .duplicateKey: "duplicateKey"
            }
        return MessageID(domain: "SealedCookieMacros.SessionJSON", id: name)
    }

    var severity: DiagnosticSeverity { .error }
}
#endif
