#if Macros
import SwiftSyntaxMacrosGenericTestSupport
import Testing

/// Declarations @SessionJSON refuses: each gets an error saying what to change, and no extension.
@Suite struct SessionJSONDiagnosticTests {
    @Test(arguments: [("class", "a class"), ("enum", "an enum"), ("actor", "an actor"), ("protocol", "a protocol")])
    func onlyStructs(keyword: String, kind: String) {
        assertSessionJSON(
            """
            @SessionJSON
            \(keyword) Session: Codable {
            }
            """,
            expandsTo: """
                \(keyword) Session: Codable {
                }
                """,
            diagnostics: [
                DiagnosticSpec(
                    message: "@SessionJSON applies to a struct only, not to \(kind); remove @SessionJSON (Codable "
                        + "keeps coding the type)",
                    line: 1, column: 1)
            ]
        )
    }

    @Test func genericStruct() {
        assertSessionJSON(
            """
            @SessionJSON
            struct Box<Value: Codable>: Codable {
                var value: Value
            }
            """,
            expandsTo: """
                struct Box<Value: Codable>: Codable {
                    var value: Value
                }
                """,
            diagnostics: [
                DiagnosticSpec(
                    message: "@SessionJSON does not support generic structs like 'Box'; drop @SessionJSON to keep "
                        + "Codable's path",
                    line: 2, column: 11)
            ]
        )
    }

    /// An attribute on a computed property is no concern: it is not coded.
    @Test func attributeOnComputedPropertyIsAccepted() {
        assertSessionJSON(
            """
            @SessionJSON
            struct Session: Codable {
                @available(*, deprecated) var old: Int { 1 }
            }
            """,
            expandsTo: """
                struct Session: Codable {
                    @available(*, deprecated) var old: Int { 1 }
                }

                extension Session: SealedCookie.SessionJSONCodable {
                    func encodeJSONFields(to writer: inout SealedCookie.SessionJSONWriter) throws {
                    }
                    init(jsonFields reader: SealedCookie.SessionJSONReader) throws {
                    }
                }
                """
        )
    }

    @Test func lazyProperty() {
        assertSessionJSON(
            """
            @SessionJSON
            struct Session: Codable {
                lazy var cache = [Int]()
            }
            """,
            expandsTo: """
                struct Session: Codable {
                    lazy var cache = [Int]()
                }
                """,
            diagnostics: [
                DiagnosticSpec(
                    message: "@SessionJSON does not support lazy properties; make 'cache' a plain stored property or "
                        + "drop @SessionJSON to keep Codable's path",
                    line: 3, column: 5)
            ]
        )
    }

    @Test func ownInitFrom() {
        assertSessionJSON(
            """
            @SessionJSON
            struct Session: Codable {
                var a: Int
                init(a: Int) { self.a = a }
                init(from decoder: any Decoder) throws { a = 1 }
            }
            """,
            expandsTo: """
                struct Session: Codable {
                    var a: Int
                    init(a: Int) { self.a = a }
                    init(from decoder: any Decoder) throws { a = 1 }
                }
                """,
            diagnostics: [
                DiagnosticSpec(
                    message: "'Session' declares its own init(from:), so the JSON @SessionJSON reads would not match "
                        + "it; remove init(from:) or drop @SessionJSON",
                    line: 5, column: 5)
            ]
        )
    }

    @Test func ownEncodeTo() {
        assertSessionJSON(
            """
            @SessionJSON
            struct Session: Codable {
                var a: Int
                func encode(into list: inout [Int]) { list.append(a) }
                func encode(to encoder: any Encoder) throws {}
            }
            """,
            expandsTo: """
                struct Session: Codable {
                    var a: Int
                    func encode(into list: inout [Int]) { list.append(a) }
                    func encode(to encoder: any Encoder) throws {}
                }
                """,
            diagnostics: [
                DiagnosticSpec(
                    message: "'Session' declares its own encode(to:), so the JSON @SessionJSON writes would not match "
                        + "it; remove encode(to:) or drop @SessionJSON",
                    line: 5, column: 10)
            ]
        )
    }

    /// A case naming a computed or static property names no stored one either.
    @Test func codingKeyWithoutStoredProperty() {
        assertSessionJSON(
            """
            @SessionJSON
            struct Session: Codable {
                var a: Int
                var computed: Int { a }
                enum CodingKeys: String, CodingKey {
                    case a
                    case missing = "m", computed
                }
            }
            """,
            expandsTo: """
                struct Session: Codable {
                    var a: Int
                    var computed: Int { a }
                    enum CodingKeys: String, CodingKey {
                        case a
                        case missing = "m", computed
                    }
                }
                """,
            diagnostics: [
                DiagnosticSpec(
                    message: "CodingKeys case 'missing' names no stored property of 'Session'; remove the case or add "
                        + "the property",
                    line: 7, column: 14),
                DiagnosticSpec(
                    message: "CodingKeys case 'computed' names no stored property of 'Session'; remove the case or "
                        + "add the property",
                    line: 7, column: 29),
            ]
        )
    }

    @Test func duplicateKey() {
        assertSessionJSON(
            """
            @SessionJSON
            struct Session: Codable {
                var a: Int
                var b: Int
                enum CodingKeys: String, CodingKey {
                    case a = "b"
                    case b
                }
            }
            """,
            expandsTo: """
                struct Session: Codable {
                    var a: Int
                    var b: Int
                    enum CodingKeys: String, CodingKey {
                        case a = "b"
                        case b
                    }
                }
                """,
            diagnostics: [
                DiagnosticSpec(
                    message: "the JSON key \"b\" is used by more than one property; give each property its own key in "
                        + "CodingKeys",
                    line: 7, column: 14)
            ]
        )
    }

    /// "é" precomposed and "e" + U+0301 are one key to a Swift dictionary, so to JSONEncoder.
    @Test func canonicallyEquivalentKeysAreDuplicates() {
        assertSessionJSON(
            #"""
            @SessionJSON
            struct Session: Codable {
                var a: Int
                var b: Int
                enum CodingKeys: String, CodingKey {
                    case a = "\u{E9}"
                    case b = "e\u{301}"
                }
            }
            """#,
            expandsTo: #"""
                struct Session: Codable {
                    var a: Int
                    var b: Int
                    enum CodingKeys: String, CodingKey {
                        case a = "\u{E9}"
                        case b = "e\u{301}"
                    }
                }
                """#,
            diagnostics: [
                DiagnosticSpec(
                    message: "the JSON key \"e\\u{301}\" is used by more than one property; give each property its "
                        + "own key in CodingKeys",
                    line: 7, column: 14)
            ]
        )
    }

    @Test func interpolatedRawValue() {
        assertSessionJSON(
            #"""
            @SessionJSON
            struct Session: Codable {
                var a: Int
                enum CodingKeys: String, CodingKey {
                    case a = "a\(prefix)"
                }
            }
            """#,
            expandsTo: #"""
                struct Session: Codable {
                    var a: Int
                    enum CodingKeys: String, CodingKey {
                        case a = "a\(prefix)"
                    }
                }
                """#,
            diagnostics: [
                DiagnosticSpec(
                    message: "the raw value of CodingKeys case 'a' must be a string literal without interpolation, so "
                        + "@SessionJSON knows its key; write the key as a plain literal",
                    line: 5, column: 18)
            ]
        )
    }

    @Test func tuplePattern() {
        assertSessionJSON(
            """
            @SessionJSON
            struct Session: Codable {
                var (a, b) = (1, 2)
            }
            """,
            expandsTo: """
                struct Session: Codable {
                    var (a, b) = (1, 2)
                }
                """,
            diagnostics: [
                DiagnosticSpec(
                    message: "@SessionJSON needs one name per stored property; declare each name of '(a, b)' "
                        + "separately or drop @SessionJSON to keep Codable's path",
                    line: 3, column: 9)
            ]
        )
    }

    @Test func storedPropertyInsideIfConfig() {
        assertSessionJSON(
            """
            @SessionJSON
            struct Session: Codable {
                #if DEBUG
                var trace: String
                #endif
            }
            """,
            expandsTo: """
                struct Session: Codable {
                    #if DEBUG
                    var trace: String
                    #endif
                }
                """,
            diagnostics: [
                DiagnosticSpec(
                    message: "@SessionJSON cannot see stored properties declared inside #if; move them out of the #if "
                        + "or drop @SessionJSON to keep Codable's path",
                    line: 3, column: 5)
            ]
        )
    }

    @Test func codingKeysThatIsNotAnEnum() {
        assertSessionJSON(
            """
            @SessionJSON
            struct Session: Codable {
                var a: Int
                typealias CodingKeys = OtherKeys
            }
            """,
            expandsTo: """
                struct Session: Codable {
                    var a: Int
                    typealias CodingKeys = OtherKeys
                }
                """,
            diagnostics: [
                DiagnosticSpec(
                    message: "@SessionJSON reads CodingKeys only as an enum, not as a type alias; declare 'enum "
                        + "CodingKeys: String, CodingKey' or drop @SessionJSON to keep Codable's path",
                    line: 4, column: 5)
            ]
        )
    }

    /// Every problem is reported at once, not only the first.
    @Test func severalProblemsAreAllReported() {
        assertSessionJSON(
            """
            @SessionJSON
            struct Session<T>: Codable {
                lazy var a = 1
                @W var b: Int
            }
            """,
            expandsTo: """
                struct Session<T>: Codable {
                    lazy var a = 1
                    @W var b: Int
                }
                """,
            diagnostics: [
                DiagnosticSpec(
                    message: "@SessionJSON does not support generic structs like 'Session'; drop @SessionJSON to keep "
                        + "Codable's path",
                    line: 2, column: 15),
                DiagnosticSpec(
                    message: "@SessionJSON does not support lazy properties; make 'a' a plain stored property or "
                        + "drop @SessionJSON to keep Codable's path",
                    line: 3, column: 5),
            ]
        )
    }
}
#endif
