#if Macros
import SealedCookieMacrosPlugin
import SwiftSyntaxMacroExpansion
import Testing

/// What @SessionJSON generates for the declarations it accepts.
@Suite struct SessionJSONExpansionTests {
    /// `Codable` codes a wrapper's storage under the property's name and requires it; plain
    /// attributes leave the property as it is.
    @Test func propertyWrappersCodeTheirStorage() {
        assertSessionJSON(
            """
            @SessionJSON
            struct Session: Codable {
                @SessionSecret var csrfToken: String
                @Clamped var `default`: Int?
                @available(*, deprecated) var old: String?
            }
            """,
            expandsTo: """
                struct Session: Codable {
                    @SessionSecret var csrfToken: String
                    @Clamped var `default`: Int?
                    @available(*, deprecated) var old: String?
                }

                extension Session: SealedCookie.SessionJSONCodable {
                    func encodeJSONFields(to writer: inout SealedCookie.SessionJSONWriter) throws {
                        try writer.field("csrfToken", self._csrfToken)
                        try writer.field("default", self._default)
                        try writer.field("old", self.old)
                    }
                    init(jsonFields reader: SealedCookie.SessionJSONReader) throws {
                        self._csrfToken = try reader.field("csrfToken")
                        self._default = try reader.field("default")
                        self.old = try reader.optionalField("old")
                    }
                }
                """
        )
    }

    @Test func codingKeysChooseThePropertiesAndTheirKeys() {
        assertSessionJSON(
            """
            @SessionJSON
            public struct Profile: Codable, Sendable {
                var userID: String
                var nickname: String?
                let kind = "p"
                var count = 0
                var tags: Optional<[String]>
                var computed: Int { 1 }
                static var shared = 1
                enum CodingKeys: String, CodingKey {
                    case userID = "user_id", nickname, kind, count, tags
                }
            }
            """,
            expandsTo: """
                public struct Profile: Codable, Sendable {
                    var userID: String
                    var nickname: String?
                    let kind = "p"
                    var count = 0
                    var tags: Optional<[String]>
                    var computed: Int { 1 }
                    static var shared = 1
                    enum CodingKeys: String, CodingKey {
                        case userID = "user_id", nickname, kind, count, tags
                    }
                }

                extension Profile: SealedCookie.SessionJSONCodable {
                    public func encodeJSONFields(to writer: inout SealedCookie.SessionJSONWriter) throws {
                        try writer.field("count", self.count)
                        try writer.field("kind", self.kind)
                        try writer.field("nickname", self.nickname)
                        try writer.field("tags", self.tags)
                        try writer.field("user_id", self.userID)
                    }
                    public init(jsonFields reader: SealedCookie.SessionJSONReader) throws {
                        self.count = try reader.field("count")
                        self.nickname = try reader.optionalField("nickname")
                        self.tags = try reader.optionalField("tags")
                        self.userID = try reader.field("user_id")
                    }
                }
                """
        )
    }

    /// Every spelling of `Optional` reads with `optionalField`; anything else, even a dictionary
    /// of optionals, with `field`.
    @Test func withoutCodingKeysEveryStoredPropertyIsCodedUnderItsName() {
        assertSessionJSON(
            """
            @SessionJSON
            struct Session: Codable {
                var plain: Int
                var question: String?
                var bang: Int!
                var spelled: Optional<Int>
                var qualified: Swift.Optional<Int>
                var parenthesized: (Int?)
                var map: [String: Int?]
                var array: [Int]?
            }
            """,
            expandsTo: """
                struct Session: Codable {
                    var plain: Int
                    var question: String?
                    var bang: Int!
                    var spelled: Optional<Int>
                    var qualified: Swift.Optional<Int>
                    var parenthesized: (Int?)
                    var map: [String: Int?]
                    var array: [Int]?
                }

                extension Session: SealedCookie.SessionJSONCodable {
                    func encodeJSONFields(to writer: inout SealedCookie.SessionJSONWriter) throws {
                        try writer.field("array", self.array)
                        try writer.field("bang", self.bang)
                        try writer.field("map", self.map)
                        try writer.field("parenthesized", self.parenthesized)
                        try writer.field("plain", self.plain)
                        try writer.field("qualified", self.qualified)
                        try writer.field("question", self.question)
                        try writer.field("spelled", self.spelled)
                    }
                    init(jsonFields reader: SealedCookie.SessionJSONReader) throws {
                        self.array = try reader.optionalField("array")
                        self.bang = try reader.optionalField("bang")
                        self.map = try reader.field("map")
                        self.parenthesized = try reader.optionalField("parenthesized")
                        self.plain = try reader.field("plain")
                        self.qualified = try reader.optionalField("qualified")
                        self.question = try reader.optionalField("question")
                        self.spelled = try reader.optionalField("spelled")
                    }
                }
                """
        )
    }

    /// Without a raw type each key is the case name; a property with no case is not coded.
    @Test func codingKeysWithoutRawTypeUseTheCaseNames() {
        assertSessionJSON(
            """
            @SessionJSON
            struct Session: Codable {
                var beta: Int
                var alpha: String
                var notCoded = 1
                enum CodingKeys: CodingKey {
                    case beta
                    case alpha
                }
            }
            """,
            expandsTo: """
                struct Session: Codable {
                    var beta: Int
                    var alpha: String
                    var notCoded = 1
                    enum CodingKeys: CodingKey {
                        case beta
                        case alpha
                    }
                }

                extension Session: SealedCookie.SessionJSONCodable {
                    func encodeJSONFields(to writer: inout SealedCookie.SessionJSONWriter) throws {
                        try writer.field("alpha", self.alpha)
                        try writer.field("beta", self.beta)
                    }
                    init(jsonFields reader: SealedCookie.SessionJSONReader) throws {
                        self.alpha = try reader.field("alpha")
                        self.beta = try reader.field("beta")
                    }
                }
                """
        )
    }

    /// `.sortedKeys` order is the keys' UTF-8 bytes: uppercase before lowercase, `_` (0x5F)
    /// before lowercase letters, and a non-ASCII key (its first byte above 0x7F) after `z`.
    @Test func keysAreSortedByTheirUTF8Bytes() {
        assertSessionJSON(
            """
            @SessionJSON
            struct Session: Codable {
                var accent: Int
                var lowerZ: Int
                var ab: Int
                var aUnderscoreB: Int
                var a: Int
                var upperZ: Int
                enum CodingKeys: String, CodingKey {
                    case accent = "é"
                    case lowerZ = "z"
                    case ab
                    case aUnderscoreB = "a_b"
                    case a
                    case upperZ = "Z"
                }
            }
            """,
            expandsTo: """
                struct Session: Codable {
                    var accent: Int
                    var lowerZ: Int
                    var ab: Int
                    var aUnderscoreB: Int
                    var a: Int
                    var upperZ: Int
                    enum CodingKeys: String, CodingKey {
                        case accent = "é"
                        case lowerZ = "z"
                        case ab
                        case aUnderscoreB = "a_b"
                        case a
                        case upperZ = "Z"
                    }
                }

                extension Session: SealedCookie.SessionJSONCodable {
                    func encodeJSONFields(to writer: inout SealedCookie.SessionJSONWriter) throws {
                        try writer.field("Z", self.upperZ)
                        try writer.field("a", self.a)
                        try writer.field("a_b", self.aUnderscoreB)
                        try writer.field("ab", self.ab)
                        try writer.field("z", self.lowerZ)
                        try writer.field("é", self.accent)
                    }
                    init(jsonFields reader: SealedCookie.SessionJSONReader) throws {
                        self.upperZ = try reader.field("Z")
                        self.a = try reader.field("a")
                        self.aUnderscoreB = try reader.field("a_b")
                        self.ab = try reader.field("ab")
                        self.lowerZ = try reader.field("z")
                        self.accent = try reader.field("é")
                    }
                }
                """
        )
    }

    /// The raw values' actual strings (escapes resolved, raw strings read) are the keys, and
    /// each is written back as a literal that denotes exactly it. A decomposed "e" + U+0301
    /// sorts by its bytes (after "d", before "f"), as Foundation sorts it.
    @Test func keysAreWrittenAsLiteralsOfTheirExactValue() {
        assertSessionJSON(
            #"""
            @SessionJSON
            struct Session: Codable {
                var quoted: Int
                var slashed: Int
                var broken: Int
                var decomposed: Int
                var last: Int
                enum CodingKeys: String, CodingKey {
                    case quoted = "say \"hi\""
                    case slashed = #"a\b"#
                    case broken = "line\nbreak\ttab"
                    case decomposed = "e\u{301}"
                    case last = "f"
                }
            }
            """#,
            expandsTo: #"""
                struct Session: Codable {
                    var quoted: Int
                    var slashed: Int
                    var broken: Int
                    var decomposed: Int
                    var last: Int
                    enum CodingKeys: String, CodingKey {
                        case quoted = "say \"hi\""
                        case slashed = #"a\b"#
                        case broken = "line\nbreak\ttab"
                        case decomposed = "e\u{301}"
                        case last = "f"
                    }
                }

                extension Session: SealedCookie.SessionJSONCodable {
                    func encodeJSONFields(to writer: inout SealedCookie.SessionJSONWriter) throws {
                        try writer.field("a\\b", self.slashed)
                        try writer.field("e\u{301}", self.decomposed)
                        try writer.field("f", self.last)
                        try writer.field("line\nbreak\ttab", self.broken)
                        try writer.field("say \"hi\"", self.quoted)
                    }
                    init(jsonFields reader: SealedCookie.SessionJSONReader) throws {
                        self.slashed = try reader.field("a\\b")
                        self.decomposed = try reader.field("e\u{301}")
                        self.last = try reader.field("f")
                        self.broken = try reader.field("line\nbreak\ttab")
                        self.quoted = try reader.field("say \"hi\"")
                    }
                }
                """#
        )
    }

    /// `var a, b: Int` gives `a` the type of `b`; `var c = 1, d: String?` gives `c` its own.
    @Test func oneDeclarationOfSeveralProperties() {
        assertSessionJSON(
            """
            @SessionJSON
            struct Session: Codable {
                var a, b: Int
                var c = 1, d: String?
                var e, f: Int?
            }
            """,
            expandsTo: """
                struct Session: Codable {
                    var a, b: Int
                    var c = 1, d: String?
                    var e, f: Int?
                }

                extension Session: SealedCookie.SessionJSONCodable {
                    func encodeJSONFields(to writer: inout SealedCookie.SessionJSONWriter) throws {
                        try writer.field("a", self.a)
                        try writer.field("b", self.b)
                        try writer.field("c", self.c)
                        try writer.field("d", self.d)
                        try writer.field("e", self.e)
                        try writer.field("f", self.f)
                    }
                    init(jsonFields reader: SealedCookie.SessionJSONReader) throws {
                        self.a = try reader.field("a")
                        self.b = try reader.field("b")
                        self.c = try reader.field("c")
                        self.d = try reader.optionalField("d")
                        self.e = try reader.optionalField("e")
                        self.f = try reader.optionalField("f")
                    }
                }
                """
        )
    }

    /// Observers keep a property stored; a getter, a setter or `_read` make it computed.
    @Test func observedPropertiesAreStoredAndComputedOnesSkipped() {
        assertSessionJSON(
            """
            @SessionJSON
            struct Session: Codable {
                var observed: Int {
                    didSet { print(observed) }
                }
                var both: String? {
                    willSet {}
                    didSet {}
                }
                var computed: Int {
                    get { 1 }
                    set {}
                }
                var shorthand: Int { observed }
                var read: Int {
                    _read { yield observed }
                }
            }
            """,
            expandsTo: """
                struct Session: Codable {
                    var observed: Int {
                        didSet { print(observed) }
                    }
                    var both: String? {
                        willSet {}
                        didSet {}
                    }
                    var computed: Int {
                        get { 1 }
                        set {}
                    }
                    var shorthand: Int { observed }
                    var read: Int {
                        _read { yield observed }
                    }
                }

                extension Session: SealedCookie.SessionJSONCodable {
                    func encodeJSONFields(to writer: inout SealedCookie.SessionJSONWriter) throws {
                        try writer.field("both", self.both)
                        try writer.field("observed", self.observed)
                    }
                    init(jsonFields reader: SealedCookie.SessionJSONReader) throws {
                        self.both = try reader.optionalField("both")
                        self.observed = try reader.field("observed")
                    }
                }
                """
        )
    }

    /// A `let` with an initial value is written but never read back; a `let` without one and a
    /// `var` with one are both.
    @Test func letWithInitialValueIsEncodedOnly() {
        assertSessionJSON(
            """
            @SessionJSON
            struct Session: Codable {
                let version = 2
                let id: String
                var flag = false
                static let shared = 1
                class var classy: Int { 1 }
            }
            """,
            expandsTo: """
                struct Session: Codable {
                    let version = 2
                    let id: String
                    var flag = false
                    static let shared = 1
                    class var classy: Int { 1 }
                }

                extension Session: SealedCookie.SessionJSONCodable {
                    func encodeJSONFields(to writer: inout SealedCookie.SessionJSONWriter) throws {
                        try writer.field("flag", self.flag)
                        try writer.field("id", self.id)
                        try writer.field("version", self.version)
                    }
                    init(jsonFields reader: SealedCookie.SessionJSONReader) throws {
                        self.flag = try reader.field("flag")
                        self.id = try reader.field("id")
                    }
                }
                """
        )
    }

    /// The key drops the backticks; the reference keeps them, since `default` is a keyword.
    @Test func backtickedNames() {
        assertSessionJSON(
            """
            @SessionJSON
            struct Session: Codable {
                var `default`: Int
                var `class`: String
                enum CodingKeys: String, CodingKey {
                    case `default`
                    case `class` = "kind"
                }
            }
            """,
            expandsTo: """
                struct Session: Codable {
                    var `default`: Int
                    var `class`: String
                    enum CodingKeys: String, CodingKey {
                        case `default`
                        case `class` = "kind"
                    }
                }

                extension Session: SealedCookie.SessionJSONCodable {
                    func encodeJSONFields(to writer: inout SealedCookie.SessionJSONWriter) throws {
                        try writer.field("default", self.`default`)
                        try writer.field("kind", self.`class`)
                    }
                    init(jsonFields reader: SealedCookie.SessionJSONReader) throws {
                        self.`default` = try reader.field("default")
                        self.`class` = try reader.field("kind")
                    }
                }
                """
        )
    }

    @Test func backtickedNameWithoutCodingKeys() {
        assertSessionJSON(
            """
            @SessionJSON
            struct Session: Codable {
                var `default`: Int
            }
            """,
            expandsTo: """
                struct Session: Codable {
                    var `default`: Int
                }

                extension Session: SealedCookie.SessionJSONCodable {
                    func encodeJSONFields(to writer: inout SealedCookie.SessionJSONWriter) throws {
                        try writer.field("default", self.`default`)
                    }
                    init(jsonFields reader: SealedCookie.SessionJSONReader) throws {
                        self.`default` = try reader.field("default")
                    }
                }
                """
        )
    }

    /// The members are as visible as the struct, so the conformance is usable where it is.
    @Test(arguments: [
        ("public ", "public "), ("open ", "public "), ("package ", "package "), ("", ""),
        ("internal ", ""), ("fileprivate ", ""), ("private ", ""), ("nonisolated public ", "public "),
    ])
    func membersFollowTheStructsAccess(declared: String, generated: String) {
        assertSessionJSON(
            """
            @SessionJSON
            \(declared)struct Session: Codable {
                var a: Int
            }
            """,
            expandsTo: """
                \(declared)struct Session: Codable {
                    var a: Int
                }

                extension Session: SealedCookie.SessionJSONCodable {
                    \(generated)func encodeJSONFields(to writer: inout SealedCookie.SessionJSONWriter) throws {
                        try writer.field("a", self.a)
                    }
                    \(generated)init(jsonFields reader: SealedCookie.SessionJSONReader) throws {
                        self.a = try reader.field("a")
                    }
                }
                """
        )
    }

    /// The extension names the type through its outer types.
    @Test func nestedType() {
        assertSessionJSON(
            """
            enum Outer {
                struct Middle {
                    @SessionJSON
                    struct Inner: Codable {
                        var a: Int
                    }
                }
            }
            """,
            expandsTo: """
                enum Outer {
                    struct Middle {
                        struct Inner: Codable {
                            var a: Int
                        }
                    }
                }

                extension Outer.Middle.Inner: SealedCookie.SessionJSONCodable {
                    func encodeJSONFields(to writer: inout SealedCookie.SessionJSONWriter) throws {
                        try writer.field("a", self.a)
                    }
                    init(jsonFields reader: SealedCookie.SessionJSONReader) throws {
                        self.a = try reader.field("a")
                    }
                }
                """
        )
    }

    /// A struct with no coded property still conforms: its JSON is `{}`.
    @Test func structWithoutStoredProperties() {
        assertSessionJSON(
            """
            @SessionJSON
            struct Empty: Codable {
            }
            """,
            expandsTo: """
                struct Empty: Codable {
                }

                extension Empty: SealedCookie.SessionJSONCodable {
                    func encodeJSONFields(to writer: inout SealedCookie.SessionJSONWriter) throws {
                    }
                    init(jsonFields reader: SealedCookie.SessionJSONReader) throws {
                    }
                }
                """
        )
    }

    /// The compiler passes no protocol when the type conforms already: nothing is added.
    @Test func typeThatAlreadyConformsGetsNoExtension() {
        assertSessionJSON(
            """
            @SessionJSON
            struct Session: Codable {
                var a: Int
            }
            """,
            expandsTo: """
                struct Session: Codable {
                    var a: Int
                }
                """,
            macroSpecs: ["SessionJSON": MacroSpec(type: SessionJSONMacro.self)]
        )
    }
}
#endif
