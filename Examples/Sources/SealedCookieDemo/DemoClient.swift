import Foundation
import NIOCore
import NIOHTTP1
import SealedCookieExampleApp

/// Where a client sends a request: a node's (or nginx's) loopback port, and the host name the
/// request says it is for.
struct Target: Sendable {
    var name: String
    var host: String
    var port: Int
}

/// One request and its answer.
struct Exchange {
    var status: Int
    var reply: NodeReply?
    var setCookies: [String]
    var location: String?

    var isLoginRedirect: Bool { (300..<400).contains(status) && location == "/login" }
}

/// An HTTP client with a cookie jar, that does not follow redirects (so a redirect to the login
/// page is seen, and counted).
final class DemoClient {
    let http = LoopbackHTTPClient()
    var jar = CookieJar()

    /// Sends a request to `target`, with the jar's cookies unless `cookieField` replaces them, and
    /// stores the response's cookies in the jar.
    func send(
        _ method: HTTPMethod, _ pathAndQuery: String, to target: Target, cookieField: String? = nil
    ) async throws -> Exchange {
        var headers = HTTPHeaders([("Host", target.host)])
        let path = String(pathAndQuery.prefix { $0 != "?" })
        if let field = cookieField ?? jar.cookieField(host: target.host, path: path) {
            headers.add(name: "Cookie", value: field)
        }
        let response = try await http.send(method, pathAndQuery, port: target.port, headers: headers)
        let setCookies = response.headers["Set-Cookie"]
        for line in setCookies { jar.store(line, from: target.host) }
        return Exchange(
            status: response.status,
            reply: try? JSONDecoder().decode(NodeReply.self, from: Data(response.body.readableBytesView)),
            setCookies: setCookies,
            location: response.headers.first(name: "Location"))
    }
}
