import Foundation
import Testing

@testable import SealedCookie

@Suite struct RoundTripTests {
    static let options:
        [(compression: SessionCodecConfiguration.Compression, padding: SessionCodecConfiguration.Padding)] = [
            (Fixture.deflate, .none), (.disabled, .none), (Fixture.deflate, .block(64)), (.disabled, .block(32)),
            (.deflate(minimumSize: 0, level: 9), .block(1)), (Fixture.deflate, .sizeClasses), (.disabled, .sizeClasses),
            (.default, .none), (.default, .block(64)), (.default, .sizeClasses),
        ]

    @Test(arguments: Fixture.corpusNames, options.indices)
    func corpusSampleRoundTrips(name: String, optionIndex: Int) throws {
        let option = Self.options[optionIndex]
        let sample = try Fixture.corpus(name)
        let codec = try Fixture.bytesCodec(
            ring: KeyRing(primary: Fixture.sequentialKey()), compression: option.compression, padding: option.padding)
        let value = try codec.seal(sample)
        let opened = try codec.open(value)
        #expect(opened.session == sample)
        #expect(opened.header.isPadded == (option.padding != .none))
        #expect(!opened.needsResealing)
        // Compressed exactly when allowed and smaller: tiny (63 bytes) never shrinks with deflate,
        // and every sample does with the generic dictionary.
        let expected: EnvelopeHeader.Compression =
            switch option.compression {
            case .disabled: .none
            case .deflate: name != "tiny" ? .deflate : .none
            case .zstd: .zstdBuiltIn(dictionaryID: SessionDictionary.generic.id)
            }
        #expect(opened.header.compression == expected)
    }

    @Test func compressionShrinksEveryLargerSample() throws {
        let ring = try KeyRing(primary: Fixture.sequentialKey())
        for name in ["small", "medium", "large"] {
            let sample = try Fixture.corpus(name)
            let plain = try Fixture.bytesCodec(ring: ring, compression: .disabled).seal(sample)
            let packed = try Fixture.bytesCodec(ring: ring).seal(sample)
            #expect(packed.utf8.count < plain.utf8.count, "\(name)")
        }
    }

    @Test func sealedSizesMeetTheTargets() throws {
        // The size targets: at most 8 characters over bare libsodium + zlib + base64url.
        let targets = ["tiny": 147, "small": 411, "medium": 932, "large": 1808]
        let codec = try Fixture.bytesCodec(ring: KeyRing(primary: Fixture.sequentialKey()))
        for name in Fixture.corpusNames {
            let length = try codec.seal(Fixture.corpus(name)).utf8.count
            #expect(length <= targets[name] ?? 0, "\(name): \(length) characters")
        }
    }

    @Test func sealingTwiceGivesDifferentValues() throws {
        let codec = try Fixture.bytesCodec(ring: KeyRing(primary: Fixture.sequentialKey()))
        let sample = try Fixture.corpus("small")
        #expect(try codec.seal(sample) != codec.seal(sample))
    }

    @Test func paddingHidesLengthWithinABlock() throws {
        let codec = try Fixture.bytesCodec(
            ring: KeyRing(primary: Fixture.sequentialKey()), compression: .disabled, padding: .block(64))
        let short = try codec.seal(Array(repeating: 0x61, count: 10))
        let long = try codec.seal(Array(repeating: 0x61, count: 63))
        let next = try codec.seal(Array(repeating: 0x61, count: 64))
        #expect(short.utf8.count == long.utf8.count)
        #expect(next.utf8.count > long.utf8.count)
    }

    @Test func emptySessionRoundTrips() throws {
        let codec = try Fixture.bytesCodec(ring: KeyRing(primary: Fixture.sequentialKey()), padding: .block(16))
        #expect(try codec.open(codec.seal([])).session == [])
    }

    struct UserSession: Codable, Sendable, Equatable {
        var userID: String
        var roles: [String]
        var name: String
        var cart: [String: Int]
    }

    @Test func codableSessionRoundTripsThroughJSON() throws {
        let ring = try KeyRing(primary: Fixture.sequentialKey())
        let codec = try SessionCodec<UserSession>(
            configuration: SessionCodecConfiguration(cookieName: "sid", keyRing: ring))
        let session = UserSession(
            userID: "usr_1", roles: ["admin", "beta"], name: "Zoë Ωmega 🍪", cart: ["a": 1, "b": 2])
        #expect(try codec.open(codec.seal(session)).session == session)
    }

    @Test func lifetimeOverrideIsCarriedInTheHeader() throws {
        let codec = try Fixture.bytesCodec(ring: KeyRing(primary: Fixture.sequentialKey()))
        let value = try codec.seal([1, 2, 3], lifetime: .seconds(30 * 24 * 3600))
        let header = try EnvelopeHeader(sealedValue: value)
        #expect(header.lifetimeMinutes == 30 * 24 * 60)
        #expect(header.expiresAt == Date(timeIntervalSince1970: Fixture.now + 30 * 24 * 3600))
        #expect(codecError { try codec.seal([1], lifetime: .seconds(90)) } != nil)
    }
}
