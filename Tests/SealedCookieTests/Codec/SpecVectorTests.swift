import Foundation
import Testing
@testable import SealedCookie

/// The test vectors of SPEC.md, section "Test vectors", reproduced byte for byte.
@Suite struct SpecVectorTests {
    struct Vector: Sendable {
        var name: String
        var keyID: Int
        var keyStart: UInt8
        var cookieName: String
        var purpose: String
        var compression: SessionCodecConfiguration.Compression
        var padding: Int?
        var lifetimeMinutes: Int
        var session: String
        var sealed: String
        /// Whether sealing must reproduce `sealed` exactly; deflate output may differ between
        /// zlib builds, so the compressed vector is checked by opening only.
        var sealsExactly: Bool
    }

    static let vectors: [Vector] = [
        Vector(
            name: "1 (tiny, stored)", keyID: 1, keyStart: 0x00, cookieName: "session", purpose: "session",
            compression: .default, padding: nil, lifetimeMinutes: 60,
            session: #"{"user_id":"usr_7f3k29xqhm2","login_at":1732467890,"mfa":false}"#,
            sealed: "QWsE04A8AAECAwQFBgcICQoLDA0ODxAREhMUFRYX1Yrta3iTG04kRiijyfUlPla4OXeQWOA9AZkroowJnOegAlVKko9EhUWceR_PHb14UvRgI6dCTP8DCuNF1_R1iMnuYXSyO6q8K_z72lZj6Q", sealsExactly: true),
        Vector(
            name: "2 (small, deflated)", keyID: 1, keyStart: 0x00, cookieName: "session", purpose: "session",
            compression: .default, padding: nil, lifetimeMinutes: 1440,
            session: #"{"user_id":"usr_7f3k29xqhm2","login_at":1732467890,"mfa":false,"name":"Zoë Castellano","email_verified":true,"roles":["customer","beta_tester"],"csrf_token":"q7ZsK2vN9xR4tW1mB8cF3hJ6pL0dG5yE","locale":"de-DE","flash":{"level":"success","message":"Your address was updated. We'll ship to the new address from now on."}}"#,
            sealed: "YWsE04CgCwABAgMEBQYHCAkKCwwNDg8QERITFBUWFxGqpZZWr4dnUCC9s1aLTHJEqIJ_jZjSzDFEkIjifRNhTsb30mrlvf4l5Y4cQzPpVsd-GfRgcAo1oBBXY4xy79WNHxJyJuotkxUdB3aICIFlUp-adF1tFtlEwNFZLgZXJGbT69VcqzvhO9cKNzA2wzDywl5ARYr_MUmKjv_WGaAmBoiKqSk4DJHPkt8Dpyb9v5Z4RkfCQUmdcpSUcaOXKXhMP2QMn6gkn3Nha_cExRIeYMx_sw4CT6SpmU_U89N4RCdJgTkekVJRFsvyEkLD2M3vTa5DQVt92hAx3CAdjHxBsapo7TX-n_iFu-iZAjIxsYaZWDCyt-jWezB8ut2SYSlxZcWvjAUGqyq9BN2Qw3OmIw", sealsExactly: false),
        Vector(
            name: "3 (padded, other key, name and purpose)", keyID: 2, keyStart: 0xA0, cookieName: "__Host-sid",
            purpose: "shop.example/v1", compression: .disabled, padding: 32, lifetimeMinutes: 20160,
            session: #"{"cart":[]}"#, sealed: "UmsE04DAnQEAAQIDBAUGBwgJCgsMDQ4PEBESExQVFhfSqTIRlkL7iqmGXfOtO8KbDPCrBXgjh0mLMdt-1gVUBxOcAGOY_Sg1zLiuh_1or0U", sealsExactly: true),
    ]

    func codec(for vector: Vector) throws -> SessionCodec<[UInt8]> {
        let key = try SessionKey(id: vector.keyID, bytes: (0..<32).map { vector.keyStart + UInt8($0) })
        var codec = try SessionCodec(
            configuration: SessionCodecConfiguration(
                cookieName: vector.cookieName, keyRing: KeyRing(primary: key), purpose: vector.purpose,
                lifetime: .seconds(vector.lifetimeMinutes * 60), compression: vector.compression,
                paddingBlockSize: vector.padding, clock: Fixture.clock(Fixture.now)),
            serializer: BytesSerializer())
        codec.fillNonce = Fixture.sequentialNonce
        return codec
    }

    @Test(arguments: vectors.indices)
    func vectorOpensAndSeals(index: Int) throws {
        let vector = Self.vectors[index]
        let codec = try codec(for: vector)
        let opened = try codec.openWithDetails(vector.sealed)
        #expect(opened.session == Array(vector.session.utf8), "vector \(vector.name)")
        #expect(opened.header.issuedAtSeconds == UInt32(Fixture.now))
        #expect(opened.header.lifetimeMinutes == UInt32(vector.lifetimeMinutes))
        #expect(opened.header.keyID == UInt8(vector.keyID))
        if vector.sealsExactly {
            #expect(try codec.seal(Array(vector.session.utf8)) == vector.sealed, "vector \(vector.name)")
        }
    }
}
