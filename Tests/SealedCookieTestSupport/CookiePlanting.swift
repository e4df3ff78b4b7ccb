/// Cookie tossing plantings for the duplicate-cookie invariant: what a user who controls a
/// sibling subdomain can make a browser send along with (or instead of) a victim's session
/// cookies, built from strings only, so that the core and both middlewares' tests share it.
///
/// The attacker can seal valid sessions of his own account (he is a user), copy and change
/// them, and set any cookie named `base` or `base.k` for the root domain with any `Path`, which
/// decides the order the browser sends them in. He cannot make a value that opens to another
/// account's session.
public struct CookiePlanting: Sendable {
    /// What the plantings are made of: every cookie is a `name=value` pair as a browser sends it.
    public struct Material: Sendable {
        /// The session cookie's name.
        public var base: String
        /// The reader's `maxChunkCount`, to plant chunk names on both sides of it.
        public var maxChunkCount: Int
        /// The victim's cookies (one session, chunked or not).
        public var victim: [String]
        /// Sessions of the attacker's own account, each as the cookies that carry it.
        public var attackerSessions: [[String]]
        /// Values the attacker can seal that must not open here (expired, not yet valid, other
        /// purpose or cookie name, unknown key id, another key under the same id), each as the
        /// cookies that carry it, named `base`.
        public var sealedJunk: [[String]]

        /// Makes the material.
        public init(
            base: String, maxChunkCount: Int, victim: [String], attackerSessions: [[String]], sealedJunk: [[String]]
        ) {
            self.base = base
            self.maxChunkCount = maxChunkCount
            self.victim = victim
            self.attackerSessions = attackerSessions
            self.sealedJunk = sealedJunk
        }
    }

    /// The cookies in the order sent.
    public let cookies: [String]
    /// Whether every one of the victim's cookies is among them.
    public let containsVictim: Bool
    /// The indices (into ``Material/attackerSessions``) of the attacker's sessions whose cookies
    /// are all among them, so that they may open.
    public let plantedAttackerSessions: Set<Int>
    /// Whether the cookies are the victim's alone, in order: the one planting that must open.
    public let isVictimAlone: Bool

    /// The `Cookie` field.
    public var header: String { cookies.joined(separator: "; ") }

    /// A random planting: up to a few hundred cookies of every kind of junk, valid sessions of
    /// the attacker's own, duplicate chunks and the explicit attack (enough junk that reaches the
    /// AEAD to use up `maxOpenAttempts`, then a valid session), in any order, with the victim's
    /// session among them or not.
    public static func random(
        from material: Material, maxOpenAttempts: Int, using generator: inout some RandomNumberGenerator
    ) -> CookiePlanting {
        let maker = Maker(material: material)
        let scale = Int.random(in: 0..<10, using: &generator)
        let itemCount =
            switch scale {
            case 0..<6: Int.random(in: 0...12, using: &generator)
            case 6..<9: Int.random(in: 0...40, using: &generator)
            default: Int.random(in: 0...200, using: &generator)
            }
        var items = (0..<itemCount).map { _ in maker.item(maxOpenAttempts: maxOpenAttempts, using: &generator) }
        let withVictim = Bool.random(using: &generator)
        if withVictim {
            // Usually last, as a `Path=/` cookie older than the planted ones is sent.
            let position =
                Bool.random(using: &generator) ? items.count : Int.random(in: 0...items.count, using: &generator)
            items.insert(material.victim, at: position)
        }
        var cookies = items.flatMap { $0 }
        // Sometimes any order at all, chunks of one session apart.
        if Int.random(in: 0..<4, using: &generator) == 0 { cookies.shuffle(using: &generator) }
        let sent = Set(cookies)
        return CookiePlanting(
            cookies: cookies,
            containsVictim: material.victim.allSatisfy(sent.contains),
            plantedAttackerSessions: Set(
                material.attackerSessions.indices.filter { material.attackerSessions[$0].allSatisfy(sent.contains) }),
            isVictimAlone: cookies == material.victim)
    }

    /// Makes the planted items: each a few cookies that belong together.
    private struct Maker {
        let material: Material
        static let base64URL = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")

        /// One planted item of a random kind.
        func item(maxOpenAttempts: Int, using generator: inout some RandomNumberGenerator) -> [String] {
            let session = material.attackerSessions.randomElement(using: &generator) ?? []
            switch Int.random(in: 0..<14, using: &generator) {
            case 0:
                // A valid session of the attacker's own.
                return session
            case 1:
                // The attack: junk that reaches the AEAD, as many as the attempts (give or
                // take one), then a valid session of his.
                let count = max(0, maxOpenAttempts - 1 + Int.random(in: -1...1, using: &generator))
                return (0..<count).flatMap { _ in tagJunk(session, using: &generator) } + session
            case 2:
                // A duplicate of one of his cookies, or of a chunk.
                return [session.randomElement(using: &generator)].compactMap { $0 }
            case 3:
                // A session with one character of the ciphertext or tag changed.
                return tagJunk(session, using: &generator)
            case 4:
                // One piece (often a chunk) with a character changed anywhere but the end.
                guard let cookie = session.randomElement(using: &generator) else { return [] }
                return [changed(cookie, at: nil, using: &generator)]
            case 5:
                // Not base64url, or not a whole number of characters.
                guard let cookie = session.randomElement(using: &generator) else { return [] }
                return [badBase64(cookie, using: &generator)]
            case 6:
                // A bad header: the first characters after the name and marker replaced.
                return badHeader(session, using: &generator)
            case 7:
                // Cut short.
                guard let cookie = session.last else { return [] }
                let (name, value) = split(cookie)
                let cut = Int.random(in: 1...6, using: &generator)
                return [name + "=" + String(value.dropLast(cut))]
            case 8:
                return [badMarker(session, using: &generator)]
            case 9:
                return [strayChunk(session, using: &generator)]
            case 10:
                return material.sealedJunk.randomElement(using: &generator) ?? []
            case 11:
                // Duplicate chunk pieces: each cookie of a session several times, multiplying the
                // combinations the reader may visit.
                let copies = Int.random(in: 1...4, using: &generator)
                return session.flatMap { cookie in
                    (0..<copies).map { _ in
                        Bool.random(using: &generator) ? cookie : changed(cookie, at: nil, using: &generator)
                    }
                }
            case 12:
                // Other cookies, and names a browser keeps apart from the session's.
                let value = split(session.first ?? "x=").value
                return [
                    [
                        "other=" + value, material.base.uppercased() + "=" + value, "theme=dark",
                        material.base + "x=" + value,
                    ]
                    .randomElement(using: &generator) ?? "theme=dark"
                ]
            default:
                // Many cheap rejections, to reach the visit and pair bounds.
                let count = Int.random(in: 1...40, using: &generator)
                return (0..<count).map { index in material.base + "=junk" + String(index) }
            }
        }

        /// `session` with its last cookie changed near its end (the AEAD tag), or with one of
        /// its chunks changed: each reaches the AEAD and fails there.
        func tagJunk(_ session: [String], using generator: inout some RandomNumberGenerator) -> [String] {
            guard let last = session.last else { return [] }
            var copy = session
            if session.count > 1, Bool.random(using: &generator) {
                let index = Int.random(in: 1..<session.count, using: &generator)
                copy[index] = changed(session[index], at: nil, using: &generator)
            } else {
                copy[copy.count - 1] = changed(last, at: Int.random(in: 1...10, using: &generator), using: &generator)
            }
            return copy
        }

        /// `cookie` with one value character changed to another base64url character, at
        /// `fromEnd` places before the last (never the last, whose unused bits would make a
        /// non-canonical value) or anywhere after a chunk marker.
        func changed(_ cookie: String, at fromEnd: Int?, using generator: inout some RandomNumberGenerator) -> String {
            let (name, value) = split(cookie)
            var characters = Array(value)
            let start = (characters.firstIndex(of: "~") ?? -1) + 1
            guard characters.count - 1 > start else { return cookie }
            let index =
                fromEnd.map { max(start, characters.count - 1 - $0) }
                ?? Int.random(in: start..<(characters.count - 1), using: &generator)
            let replacement = Self.base64URL.filter { $0 != characters[index] }.randomElement(using: &generator)
            characters[index] = replacement ?? "A"
            return name + "=" + String(characters)
        }

        func badBase64(_ cookie: String, using generator: inout some RandomNumberGenerator) -> String {
            let (name, value) = split(cookie)
            var characters = Array(value)
            switch Int.random(in: 0..<4, using: &generator) {
            case 0:
                characters.insert(
                    ["!", "*", "=", "."].randomElement(using: &generator) ?? "!", at: characters.count / 2)
            case 1: characters.append("A")  // One character more: may no longer be a whole number of bytes.
            case 2: characters.append(contentsOf: "==")
            default: characters = Array("not base64 at all")
            }
            return name + "=" + String(characters)
        }

        func badHeader(_ session: [String], using generator: inout some RandomNumberGenerator) -> [String] {
            guard let first = session.first else { return [] }
            let (name, value) = split(first)
            var characters = Array(value)
            let start = (characters.firstIndex(of: "~") ?? -1) + 1
            let end = max(start, min(characters.count - 1, start + Int.random(in: 1...3, using: &generator)))
            for index in start..<end {
                characters[index] = Self.base64URL.randomElement(using: &generator) ?? "A"
            }
            return [name + "=" + String(characters)] + session.dropFirst()
        }

        /// A first cookie whose chunk marker is wrong: not a number, too small, too large, or a
        /// count whose chunks are missing or belong to another session.
        func badMarker(_ session: [String], using generator: inout some RandomNumberGenerator) -> String {
            let piece = split(session.first ?? "").value.split(separator: "~").last.map(String.init) ?? "AAAA"
            let markers = [
                "0~", "1~", "01~", "x~", "~", "-2~", "\(material.maxChunkCount + 1)~", "99~", "100~",
                "\(Int.random(in: 2...max(2, material.maxChunkCount), using: &generator))~",
            ]
            return material.base + "=" + (markers.randomElement(using: &generator) ?? "~") + piece
        }

        /// A chunk cookie with any index, in range or not, carrying a piece of a session or junk.
        func strayChunk(_ session: [String], using generator: inout some RandomNumberGenerator) -> String {
            let suffixes =
                (1...(material.maxChunkCount + 3)).map { "." + String($0) } + [".0", ".01", ".100", ".-1", "."]
            let name = material.base + (suffixes.randomElement(using: &generator) ?? ".1")
            let value =
                Bool.random(using: &generator)
                ? split(session.randomElement(using: &generator) ?? "").value : "AAAA" + String(name.count)
            return name + "=" + value
        }

        func split(_ cookie: String) -> (name: String, value: String) {
            let name = cookie.prefix { $0 != "=" }
            return (String(name), String(cookie.dropFirst(name.count + 1)))
        }
    }
}
