import SealedCookieMacros

/// The session the sample documents describe, as an application would declare it: the tiny
/// sample fills the first three fields, each larger sample fills more. Every type is
/// `@SessionJSON` (the fastest configuration, docs/performance.md); benchmarks of `Codable` alone run with the
/// attributes removed.
@SessionJSON
struct SampleSession: Codable, Sendable, Equatable {
    @SessionJSON
    struct Flash: Codable, Sendable, Equatable {
        var level: String
        var message: String
    }

    @SessionJSON
    struct Preferences: Codable, Sendable, Equatable {
        var theme: String
        var timezone: String
        var currency: String
        var itemsPerPage: Int
        var emailDigest: Bool
        var compactView: Bool
        var sort: String

        enum CodingKeys: String, CodingKey {
            case theme, timezone, currency, sort
            case itemsPerPage = "items_per_page"
            case emailDigest = "email_digest"
            case compactView = "compact_view"
        }
    }

    @SessionJSON
    struct Consent: Codable, Sendable, Equatable {
        var analytics: Bool
        var marketing: Bool
        var version: String
    }

    @SessionJSON
    struct Cart: Codable, Sendable, Equatable {
        @SessionJSON
        struct Item: Codable, Sendable, Equatable {
            var sku: String
            var name: String
            var qty: Int
            var price: Double
            var gift: Bool
        }

        var currency: String
        var coupon: String?
        var updatedAt: Int
        var items: [Item]

        enum CodingKeys: String, CodingKey {
            case currency, coupon, items
            case updatedAt = "updated_at"
        }
    }

    var userID: String
    var loginAt: Int
    var mfa: Bool
    var name: String?
    var emailVerified: Bool?
    var roles: [String]?
    var csrfToken: String?
    var locale: String?
    var flash: Flash?
    var prefs: Preferences?
    var recentItems: [Int]?
    var recentSearches: [String]?
    var flags: [String: Bool]?
    var abBucket: Int?
    var lastSeenIP: String?
    var mfaVerifiedAt: Int?
    var cartID: String?
    var returnTo: String?
    var consent: Consent?
    var cart: Cart?

    enum CodingKeys: String, CodingKey {
        case mfa, name, roles, locale, flash, prefs, flags, consent, cart
        case userID = "user_id"
        case loginAt = "login_at"
        case emailVerified = "email_verified"
        case csrfToken = "csrf_token"
        case recentItems = "recent_items"
        case recentSearches = "recent_searches"
        case abBucket = "ab_bucket"
        case lastSeenIP = "last_seen_ip"
        case mfaVerifiedAt = "mfa_verified_at"
        case cartID = "cart_id"
        case returnTo = "return_to"
    }
}
