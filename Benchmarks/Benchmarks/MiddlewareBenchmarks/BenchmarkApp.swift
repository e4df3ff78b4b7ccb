import Foundation
import Hummingbird
import HummingbirdAuth
import Logging
import SealedCookie
import SealedCookieHummingbird

/// Where the benchmark's request contexts come from: only a logger, as no socket is involved.
struct BenchmarkContextSource: RequestContextSource {
    let logger: Logger
}

/// The request context of the benchmark's routers: the session storage hummingbird-auth's
/// `BasicSessionRequestContext` has, made from a source that needs no channel.
struct BenchmarkContext: SessionRequestContext {
    typealias Source = BenchmarkContextSource

    var coreContext: CoreRequestContextStorage
    let sessions: SessionContext<SampleSession>

    init(source: BenchmarkContextSource) {
        self.coreContext = .init(source: source)
        self.sessions = .init()
    }
}

/// Drops every message but keeps a real level, `.info` as in production, so that debug-level
/// calls cost only their level check and anything louder costs what a handler call costs.
struct DroppingLogHandler: LogHandler {
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {}
}

/// The app the benchmarks call in-process: the same two handlers behind the middleware (with
/// metrics off or recording into an in-memory backend) and without it.
enum BenchmarkApp {
    static let host = "shop.example.com"
    static let cookieName = "__Secure-session"
    static let source = BenchmarkContextSource(logger: Logger(label: "benchmark") { _ in DroppingLogHandler() })

    /// The cluster's key ring: every cookie layer below opens what the others seal.
    static let keyRing: KeyRing = {
        do {
            return try KeyRing(primary: SessionKey.generate(id: 1))
        } catch {
            preconditionFailure("cannot make a key: \(error)")
        }
    }()

    /// The recommended configuration (README): zstd with the repository's sample dictionary,
    /// cookies for the whole of `example.com`, the default attributes, budget and renewal; with
    /// the default cache of opened values, or (`cached: false`) none, as on a node that never
    /// opened the request's value.
    static func cookies(cached: Bool) -> SessionCookies<SampleSession> {
        let dictionary = Corpus.root.appendingPathComponent("Dictionaries/sample-sessions.zdict").path
        do {
            var configuration = try SessionCodecConfiguration(
                cookieName: cookieName, keyRing: keyRing,
                compression: .zstd(
                    dictionaries: SessionDictionaryRing(primary: SessionDictionary(contentsOfFile: dictionary))))
            if !cached { configuration.openedValueCacheCapacity = 0 }
            return try SessionCookies(
                codec: SessionCodec<SampleSession>(configuration: configuration),
                configuration: SessionCookiesConfiguration(scope: .rootDomain("example.com")))
        } catch {
            preconditionFailure("cannot make the cookie layer: \(error)")
        }
    }

    /// The ~1 KB sample session (`Corpus/medium.json`, 1003 bytes of JSON).
    static let session = Corpus.session("medium")

    /// Reads the session and changes nothing: no `Set-Cookie` is due.
    @Sendable static func read(_ request: Request, _ context: BenchmarkContext) -> String {
        context.sessions.session?.userID ?? "anonymous"
    }

    /// Changes the session on every request (a new `Set-Cookie`); with no session, logs in.
    @Sendable static func change(_ request: Request, _ context: BenchmarkContext) -> String {
        guard var current = context.sessions.session else {
            context.sessions.createSession(session, expiresIn: .seconds(86_400))
            return session.userID
        }
        current.loginAt += 1
        _ = context.sessions.updateSession(current)
        return current.userID
    }

    /// `GET /read` and `GET /change`, behind the middleware when `metrics` is given (with the
    /// cache of opened values unless `cached` is false).
    static func responder(metrics: SessionMetrics?, cached: Bool = true) -> RouterResponder<BenchmarkContext> {
        let router = Router(context: BenchmarkContext.self)
        if let metrics {
            do {
                router.add(
                    middleware: SealedSessionMiddleware<BenchmarkContext>(
                        configuration: try SealedSessionConfiguration(
                            cookies: cookies(cached: cached), metrics: metrics)))
            } catch {
                preconditionFailure("cannot make the configuration: \(error)")
            }
        }
        router.get("read", use: read)
        router.get("change", use: change)
        return router.buildResponder()
    }

    /// A request as a browser sends it: the session cookie among analytics, preference, CSRF
    /// and consent cookies, on a host inside the cookie scope.
    static func request(path: String, sessionCookie: String?) -> Request {
        var fields = HTTPFields()
        fields[.accept] = "text/html,application/xhtml+xml"
        fields[.userAgent] = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"
        if let sessionCookie {
            fields[.cookie] =
                "_ga=GA1.2.1580629553.1732467890; _gid=GA1.2.1209332093.1732467890; theme=dark; \(sessionCookie); "
                + "csrftoken=q7ZsK2vN9xR4tW1mB8cF3hJ6pL0dG5yE; consent=analytics%3Dtrue%2Cmarketing%3Dfalse"
        }
        let head = HTTPRequest(method: .get, scheme: "https", authority: host, path: path, headerFields: fields)
        return Request(head: head, body: RequestBody(buffer: ByteBuffer()))
    }

    /// One request through `responder`, with a new context as the server makes for each.
    static func respond(_ responder: RouterResponder<BenchmarkContext>, to request: Request) async throws -> Response {
        try await responder.respond(to: request, context: BenchmarkContext(source: source))
    }

    /// `name=value` of the session cookie a login through the middleware sets: the cookie the
    /// benchmarks' requests carry.
    static func sealedSessionCookie() async throws -> String {
        let response = try await respond(
            responder(metrics: .disabled), to: request(path: "/change", sessionCookie: nil))
        let cookies = response.headers[values: .setCookie]
        guard cookies.count == 1, let pair = cookies[0].split(separator: ";").first, pair.hasPrefix(cookieName + "=")
        else {
            preconditionFailure("the login set \(cookies), not one session cookie")
        }
        return String(pair)
    }
}
