import NIOCore
import NIOHTTP1
import NIOPosix

/// The smallest HTTP/1.1 client the demo and the cluster test need: plain HTTP to a port on
/// 127.0.0.1, one connection per request, no redirects followed.
///
/// It is built on the SwiftNIO modules Hummingbird already brings, so the demo compiles no TLS
/// library (AsyncHTTPClient would bring swift-nio-ssl and BoringSSL for a loopback client).
struct LoopbackHTTPClient: Sendable {
    /// A response, read whole.
    struct Response {
        var status: Int
        var headers: HTTPHeaders
        var body: ByteBuffer
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The most body bytes kept; the example app's replies are a few hundred.
    static let maxBodyBytes = 1 << 20

    var timeout: Duration = .seconds(10)

    /// Sends `method pathAndQuery` with `headers` to `127.0.0.1:port` and reads the response.
    ///
    /// - Throws: ``Failure`` on a timeout, a body past ``maxBodyBytes`` or a connection closed
    ///   before the response ended; NIO's errors when the connection fails.
    func send(_ method: HTTPMethod, _ pathAndQuery: String, port: Int, headers: HTTPHeaders) async throws -> Response {
        try await withThrowingTaskGroup(of: Response.self) { group in
            group.addTask { try await exchange(method, pathAndQuery, port: port, headers: headers) }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw Failure(description: "no response from 127.0.0.1:\(port) within \(timeout)")
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw Failure(description: "no response") }
            return first
        }
    }

    private func exchange(_ method: HTTPMethod, _ pathAndQuery: String, port: Int, headers: HTTPHeaders) async throws
        -> Response
    {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(
                        wrappingChannelSynchronously: channel)
                }
            }
        var head = HTTPRequestHead(version: .http1_1, method: method, uri: pathAndQuery, headers: headers)
        // One request per connection: the server closes after answering, so reading to the end
        // of the response is all the connection management there is.
        head.headers.replaceOrAdd(name: "Connection", value: "close")
        if method == .POST || method == .PUT { head.headers.replaceOrAdd(name: "Content-Length", value: "0") }
        return try await channel.executeThenClose { inbound, outbound in
            // In one write: a request without a body is complete after its head, so the server may
            // answer and close before a separate write of the end would reach the channel.
            try await outbound.write(contentsOf: [.head(head), .end(nil)])
            var response: Response?
            for try await part in inbound {
                switch part {
                case .head(let responseHead):
                    response = Response(
                        status: Int(responseHead.status.code), headers: responseHead.headers, body: ByteBuffer())
                case .body(var chunk):
                    guard (response?.body.readableBytes ?? 0) + chunk.readableBytes <= Self.maxBodyBytes else {
                        throw Failure(description: "a response body past \(Self.maxBodyBytes) bytes")
                    }
                    response?.body.writeBuffer(&chunk)
                case .end:
                    if let response { return response }
                }
            }
            throw Failure(description: "127.0.0.1:\(port) closed the connection before the response ended")
        }
    }
}
