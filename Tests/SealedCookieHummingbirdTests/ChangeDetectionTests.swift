#if Hummingbird
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdAuth
import HummingbirdTesting
import SealedCookie
import Testing

@testable import SealedCookieHummingbird

/// A session type whose changes are told by its serialized bytes.
struct BytesComparedSession: ChangeDetectionSession {
    var user: String
    var visits: Int
    init(user: String) { (self.user, visits) = (user, 0) }
}

/// A session type whose changes are told by `==`.
struct EquatableSession: ChangeDetectionSession, Equatable {
    var user: String
    var visits: Int
    init(user: String) { (self.user, visits) = (user, 0) }
}

/// A session type that never serializes.
struct UnserializableSession: Codable, Sendable {
    func encode(to encoder: any Encoder) throws {
        throw EncodingError.invalidValue(0, .init(codingPath: [], debugDescription: "never serializes"))
    }
}

protocol ChangeDetectionSession: Codable, Sendable {
    init(user: String)
    var visits: Int { get set }
}

/// Cookies are sent when the session changed and only then, whichever way the change is told.
@Suite struct ChangeDetectionTests {
    static func codec<Session: Codable & Sendable>(_: Session.Type) throws -> SessionCodec<Session> {
        try SessionCodec(configuration: .init(cookieName: "session", keyRing: TestNode.ring(1)))
    }

    /// `/login`, `/read` (no change), `/same` (an update to an equal value) and `/visit` (a
    /// change) behind the middleware, for `Session`.
    static func test<Session: ChangeDetectionSession>(
        _: Session.Type, _ test: @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        typealias Context = BasicSessionRequestContext<Session, String>
        let cookies = try SessionCookies(
            codec: codec(Session.self), configuration: .init(scope: .rootDomain(TestNode.rootDomain)))
        let router = Router(context: Context.self)
        router.add(middleware: AuthorityMiddleware(authority: TestNode.host))
        router.add(middleware: SealedSessionMiddleware<Context>(configuration: try .init(cookies: cookies)))
        router.post("login") { _, context in
            context.sessions.createSession(Session(user: "alice"))
            return HTTPResponse.Status.ok
        }
        router.get("read") { _, context in "\(context.sessions.session?.visits ?? -1)" }
        router.post("same") { _, context in
            guard let session = context.sessions.session else { return HTTPResponse.Status.unauthorized }
            _ = context.sessions.updateSession(session)
            return .ok
        }
        router.post("visit") { _, context in
            guard var session = context.sessions.session else { return HTTPResponse.Status.unauthorized }
            session.visits += 1
            _ = context.sessions.updateSession(session)
            return .ok
        }
        try await Application(router: router).test(.router, test)
    }

    @Test(arguments: [BytesComparedSession.self, EquatableSession.self] as [any ChangeDetectionSession.Type])
    func onlyAChangeSendsACookie(type: any ChangeDetectionSession.Type) async throws {
        try await Self.test(type) { client in
            let login = try await client.execute(uri: "/login", method: .post)
            #expect(login.setCookies.count == 1)
            for path in ["/read", "/same"] {
                try await client.execute(
                    uri: path, method: path == "/read" ? .get : .post, headers: .cookie(login.cookieField)
                ) {
                    #expect($0.status == .ok)
                    #expect($0.setCookies.isEmpty, "\(path)")
                }
            }
            let visit = try await client.execute(uri: "/visit", method: .post, headers: .cookie(login.cookieField))
            #expect(visit.setCookies.count == 1)
            try await client.execute(uri: "/read", method: .get, headers: .cookie(visit.cookieField)) {
                #expect($0.text == "1")
                #expect($0.setCookies.isEmpty)
            }
        }
    }

    @Test func equatableSessionsAreComparedWithoutSerializing() throws {
        let codec = try Self.codec(EquatableSession.self)
        let comparison = SessionComparison(codec: codec)
        let opened = try codec.open(codec.seal(EquatableSession(user: "a")), digesting: true)
        #expect(opened.digest == nil)
        let loaded = LoadedSession(opened, digest: opened.digest)
        let same = comparison.compare(EquatableSession(user: "a"), with: loaded)
        #expect(!same.isChanged && same.serialized == nil)
        var changed = loaded.session
        changed.visits = 2
        #expect(comparison.compare(changed, with: loaded).isChanged)
    }

    @Test func otherSessionsAreComparedByDigestAndTheirBytesKeptForSealing() throws {
        let codec = try Self.codec(BytesComparedSession.self)
        let comparison = SessionComparison(codec: codec)
        let opened = try codec.open(codec.seal(BytesComparedSession(user: "a")), digesting: true)
        let digest = try #require(opened.digest)
        #expect(digest == SessionDigest(of: try codec.serialize(opened.session)))
        let loaded = LoadedSession(opened, digest: digest)

        let same = comparison.compare(BytesComparedSession(user: "a"), with: loaded)
        #expect(!same.isChanged)
        #expect(same.serialized?.bytes == (try codec.serialize(opened.session)))
        var changed = loaded.session
        changed.visits = 2
        let different = comparison.compare(changed, with: loaded)
        #expect(different.isChanged)
        #expect(different.serialized?.bytes == (try codec.serialize(changed)))
        // A loaded session that did not serialize: any session counts as changed.
        #expect(comparison.compare(changed, with: LoadedSession(opened, digest: nil)).isChanged)
    }

    @Test func aSessionThatDoesNotSerializeCountsAsChanged() throws {
        let codec = try Self.codec(UnserializableSession.self)
        #expect(SerializedSession(UnserializableSession(), codec: codec) == nil)
        #expect(throws: SessionCodecError.self) { try codec.seal(UnserializableSession()) }
    }
}
#endif
