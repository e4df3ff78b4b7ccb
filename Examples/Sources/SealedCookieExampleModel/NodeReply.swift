/// The JSON every example route answers with: which node answered, and what it saw.
public struct NodeReply: Codable, Sendable, Equatable {
    /// The node's name (`a`, `b`, `c` …).
    public var node: String
    /// The logged-in user the node recognised, if any.
    public var user: String?
    /// The cart as the node read it from the session.
    public var cart: [String]?
    /// A short human-readable note.
    public var message: String?

    /// Makes a reply.
    public init(node: String, user: String? = nil, cart: [String]? = nil, message: String? = nil) {
        self.node = node
        self.user = user
        self.cart = cart
        self.message = message
    }
}
