import SealedCookie

/// Seals the library's JSON of a document (``JSONDocument``) byte for byte, except that the
/// values of the named top-level fields go to the secret section, which is never compressed
/// (SPEC.md, "Secret section"), as a `@SessionSecret` field's value does: the section holds one
/// `LEB128(length) || value` entry per field in the body's (sorted) key order, and in the body
/// each such value is replaced by its entry's index, every other byte kept.
struct SecretFieldSerializer: SessionSerializer {
    /// The fields' names as the library writes them between the quotes of a key.
    let fields: Set<[UInt8]>

    init(fields: [String]) {
        self.fields = Set(fields.map(Self.writtenKey))
    }

    /// `name` as the library's serializer writes it in a key (its escapes), without the quotes.
    private static func writtenKey(_ name: String) -> [UInt8] {
        guard let quoted = try? JSONDocument.serializer.serialize(.string(name)), quoted.count >= 2 else {
            return Array(name.utf8)
        }
        return Array(quoted.dropFirst().dropLast())
    }

    func serialize(_ session: [UInt8]) -> [UInt8] { session }

    func deserialize(_ bytes: [UInt8]) -> [UInt8] { bytes }

    func serializeKeepingSecretsApart(_ session: [UInt8]) -> (body: [UInt8], secrets: [UInt8]) {
        guard !fields.isEmpty, let members = JSONMember.members(of: session) else { return (session, []) }
        var entries: [[UInt8]] = []
        let body = replacing(members, in: session) { value in
            entries.append(Array(value))
            return Array(String(entries.count - 1).utf8)
        }
        return (body ?? session, SecretEntries.joined(entries))
    }

    func deserialize(body: [UInt8], secrets: [UInt8]) throws -> [UInt8] {
        guard !secrets.isEmpty else { return body }
        guard !fields.isEmpty else {
            throw Self.corrupted("the value has a secret section: pass the --secret-field names it was sealed with")
        }
        guard let entries = SecretEntries.split(secrets), let members = JSONMember.members(of: body) else {
            throw Self.corrupted("malformed secret section or body")
        }
        var used = Set<Int>()
        let restored = replacing(members, in: body) { value -> [UInt8]? in
            guard let index = Int(String(decoding: value, as: UTF8.self)), entries.indices.contains(index),
                used.insert(index).inserted
            else { return nil }
            return entries[index]
        }
        guard let restored, used.count == entries.count else {
            throw Self.corrupted(
                "the secret fields do not match the secret section: pass the --secret-field names it was sealed with")
        }
        return restored
    }

    /// `bytes` with the value of every secret field replaced; nil when `replacement` gives nil.
    private func replacing(
        _ members: [JSONMember], in bytes: [UInt8], with replacement: (ArraySlice<UInt8>) -> [UInt8]?
    ) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var copied = 0
        for member in members where fields.contains(Array(member.key)) {
            guard let value = replacement(bytes[member.value]) else { return nil }
            out += bytes[copied..<member.value.lowerBound]
            out += value
            copied = member.value.upperBound
        }
        return out + bytes[copied...]
    }

    private static func corrupted(_ description: String) -> DecodingError {
        DecodingError.dataCorrupted(DecodingError.Context(codingPath: [], debugDescription: description))
    }
}
