#if Macros
import SwiftDiagnostics
import SwiftSyntax

/// A stored instance property of the struct, as `Codable` synthesis would see it.
struct StoredProperty {
    /// The name as written, backticks kept, for `self.<name>` in the generated code.
    let reference: String
    /// The name without backticks: the key when there is no CodingKeys, and what a
    /// CodingKeys case is matched against.
    let name: String
    /// `T?`, `T!`, `Optional<T>` or `Swift.Optional<T>`: read with `optionalField`, so a
    /// missing key or `null` decodes as `nil` as `decodeIfPresent` does.
    let isOptional: Bool
    /// False for a `let` with an initial value: `Codable` encodes it but never decodes it
    /// (it cannot be assigned again).
    let isDecoded: Bool
    /// The property's name in its declaration, where a problem with it is reported.
    let node: Syntax

    /// The struct's stored instance properties in declaration order. Declarations the macro
    /// cannot code the way `Codable` would are reported in `diagnostics`.
    static func all(in members: MemberBlockItemListSyntax, diagnostics: inout [Diagnostic]) -> [StoredProperty] {
        var properties: [StoredProperty] = []
        for member in members {
            if let variable = member.decl.as(VariableDeclSyntax.self) {
                properties += stored(in: variable, diagnostics: &diagnostics)
            } else if let conditional = member.decl.as(IfConfigDeclSyntax.self),
                declaresInstanceVariable(conditional)
            {
                diagnostics.append(
                    Diagnostic(node: conditional, message: SessionJSONDiagnostic.conditionalProperties))
            }
        }
        return properties
    }

    private static func stored(
        in variable: VariableDeclSyntax,
        diagnostics: inout [Diagnostic]
    ) -> [StoredProperty] {
        if isStatic(variable.modifiers) { return [] }
        let isLet = variable.bindingSpecifier.tokenKind == .keyword(.let)
        let bindings = Array(variable.bindings)
        let stored = bindings.enumerated().filter { !isComputed($0.element) }
        guard let first = stored.first else { return [] }
        // One report for the whole declaration, naming its first property.
        let firstName = unbackticked(first.element.pattern.trimmedDescription)
        let isWrapped = variable.attributes.contains(where: isPropertyWrapper)
        if variable.modifiers.contains(where: { $0.name.tokenKind == .keyword(.lazy) }) {
            let message = SessionJSONDiagnostic.lazyProperty(property: firstName)
            diagnostics.append(Diagnostic(node: variable, message: message))
            return []
        }
        var properties: [StoredProperty] = []
        for (index, binding) in stored {
            guard let identifier = binding.pattern.as(IdentifierPatternSyntax.self) else {
                let message = SessionJSONDiagnostic.patternBinding(pattern: binding.pattern.trimmedDescription)
                diagnostics.append(Diagnostic(node: binding.pattern, message: message))
                continue
            }
            let reference = identifier.identifier.text
            // `Codable` codes a wrapped property's storage (`_name`, the wrapper itself) under
            // the property's name, and requires its key whatever the wrapped type.
            properties.append(
                StoredProperty(
                    reference: isWrapped ? "_" + unbackticked(reference) : reference,
                    name: unbackticked(reference),
                    isOptional: !isWrapped && (declaredType(of: index, in: bindings).map(isOptional) ?? false),
                    isDecoded: !(isLet && binding.initializer != nil),
                    node: Syntax(identifier)
                ))
        }
        return properties
    }

    /// Attributes that can stand on a stored property without wrapping it; the macro sees
    /// syntax only, so any other attribute is taken for a property wrapper.
    private static let plainAttributes: Set<String> = [
        "available", "objc", "nonobjc", "usableFromInline", "MainActor", "preconcurrency",
    ]

    private static func isPropertyWrapper(_ element: AttributeListSyntax.Element) -> Bool {
        guard case .attribute(let attribute) = element else { return false }
        return !plainAttributes.contains(attribute.attributeName.trimmedDescription)
    }

    /// In `var a, b: Int` only `b` carries the annotation, and `a` has its type; a binding
    /// with an initial value and no annotation has an inferred type (never `Optional` here).
    private static func declaredType(of index: Int, in bindings: [PatternBindingSyntax]) -> TypeSyntax? {
        for binding in bindings[index...] {
            if let type = binding.typeAnnotation?.type { return type }
            if binding.initializer != nil { return nil }
        }
        return nil
    }

    /// A `get` (or a bare code block), `set`, `_read`, `init` accessor… makes the property
    /// computed; `willSet` and `didSet` observe a stored one.
    private static func isComputed(_ binding: PatternBindingSyntax) -> Bool {
        guard let accessors = binding.accessorBlock?.accessors else { return false }
        switch accessors {
        case .getter:
            return true
        case .accessors(let list):
            return list.contains { accessor in
                accessor.accessorSpecifier.tokenKind != .keyword(.willSet)
                    && accessor.accessorSpecifier.tokenKind != .keyword(.didSet)
            }
        }
    }

    private static func isStatic(_ modifiers: DeclModifierListSyntax) -> Bool {
        modifiers.contains { $0.name.tokenKind == .keyword(.static) || $0.name.tokenKind == .keyword(.class) }
    }

    private static func declaresInstanceVariable(_ conditional: IfConfigDeclSyntax) -> Bool {
        conditional.clauses.contains { clause in
            guard case .decls(let members) = clause.elements else { return false }
            return members.contains { member in
                if let variable = member.decl.as(VariableDeclSyntax.self) {
                    return !isStatic(variable.modifiers)
                }
                return member.decl.as(IfConfigDeclSyntax.self).map(declaresInstanceVariable) ?? false
            }
        }
    }

    /// Whether the type is `Optional` as written (the macro sees syntax, not types).
    static func isOptional(_ type: TypeSyntax) -> Bool {
        if type.is(OptionalTypeSyntax.self) || type.is(ImplicitlyUnwrappedOptionalTypeSyntax.self) {
            return true
        }
        if let identifier = type.as(IdentifierTypeSyntax.self) {
            return identifier.name.text == "Optional" && identifier.genericArgumentClause != nil
        }
        if let member = type.as(MemberTypeSyntax.self),
            let base = member.baseType.as(IdentifierTypeSyntax.self)
        {
            return base.name.text == "Swift" && member.name.text == "Optional"
                && member.genericArgumentClause != nil
        }
        // `(T?)`: parentheses around one unlabeled type.
        if let tuple = type.as(TupleTypeSyntax.self), tuple.elements.count == 1,
            let element = tuple.elements.first, element.firstName == nil
        {
            return isOptional(element.type)
        }
        return false
    }
}

/// `default` from `` `default` ``: the key a backticked name stands for.
func unbackticked(_ name: String) -> String {
    if name.count >= 2, name.hasPrefix("`"), name.hasSuffix("`") {
        return String(name.dropFirst().dropLast())
    }
    return name
}
#endif
