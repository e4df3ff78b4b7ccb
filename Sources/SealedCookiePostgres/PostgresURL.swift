#if PostgreSQL
import Foundation
package import PostgresNIO

/// The `postgres://user[:password]@host[:port]/database` URLs the repository's scripts pass to
/// the example nodes and the tests (plain TCP: they run on loopback). Not public API: an
/// application configures its `PostgresClient` its own way.
package enum PostgresURL {
    /// A URL that is not `postgres://user@host[:port]/database`.
    package struct Invalid: Error, CustomStringConvertible {
        package let description: String
    }

    /// The client configuration `url` describes.
    package static func configuration(_ url: String) throws(Invalid) -> PostgresClient.Configuration {
        guard let parts = URLComponents(string: url), ["postgres", "postgresql"].contains(parts.scheme),
            let host = parts.host, !host.isEmpty, let user = parts.user, !user.isEmpty
        else {
            throw Invalid(description: "not a postgres://user@host[:port]/database URL")
        }
        let database = String(parts.path.drop { $0 == "/" })
        return PostgresClient.Configuration(
            host: host, port: parts.port ?? 5432, username: user, password: parts.password,
            database: database.isEmpty ? nil : database, tls: .disable)
    }
}
#endif
