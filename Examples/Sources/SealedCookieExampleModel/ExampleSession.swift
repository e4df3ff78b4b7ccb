/// The example app's session: who is logged in, and a little state that changes.
public struct ExampleSession: Codable, Sendable, Equatable {
    /// The user's name, which is also what revocation is keyed by.
    public var user: String
    /// The user's roles.
    public var roles: [String]
    /// Items the user put in the cart, to show a change made on one node read on another.
    public var cart: [String]
    /// How many times the benchmark route touched the session.
    public var visits: Int
    /// Filler grown by `/grow`, to push the session towards and past the cookie budget.
    public var filler: String?

    /// A fresh session right after login.
    public init(user: String, roles: [String] = ["customer"]) {
        self.user = user
        self.roles = roles
        self.cart = []
        self.visits = 0
        self.filler = nil
    }
}
