import Foundation
import Testing

@testable import SealedCookie

@Suite struct SessionCodecConfigurationTests {
    @Test func outOfRangeValuesAreRejectedWithTheirName() throws {
        let ring = try KeyRing(primary: Fixture.sequentialKey())
        func error(_ change: (inout SessionCodecConfiguration) -> Void) -> SessionCodecError? {
            var configuration = SessionCodecConfiguration(cookieName: "s", keyRing: ring)
            change(&configuration)
            return codecError { try SessionCodec<[UInt8]>(configuration: configuration, serializer: BytesSerializer()) }
        }
        #expect(error { _ in } == nil)
        let cases: [(String, (inout SessionCodecConfiguration) -> Void)] = [
            ("cookieName", { $0.cookieName = "" }),
            ("lifetime", { $0.lifetime = .seconds(90) }),
            ("lifetime", { $0.lifetime = .seconds(401 * 86400) }),
            ("lifetime", { $0.lifetime = .zero }),
            ("clockSkew", { $0.clockSkew = .milliseconds(1500) }),
            ("clockSkew", { $0.clockSkew = .seconds(3601) }),
            ("padding", { $0.padding = .block(0) }),
            ("padding", { $0.padding = .block(1025) }),
            ("maxSessionAge", { $0.maxSessionAge = .seconds(59) }),
            ("maxSessionAge", { $0.maxSessionAge = .seconds(401 * 86400) }),
            ("maxDecompressedBytes", { $0.maxDecompressedBytes = 0 }),
            ("maxValueLength", { $0.maxValueLength = 63 }),
            ("compression", { $0.compression = .deflate(minimumSize: 10, level: 10) }),
            ("compression", { $0.compression = .deflate(minimumSize: -1, level: 6) }),
        ]
        for (name, change) in cases {
            guard case .invalidConfiguration(let setting, _) = error(change) else {
                Issue.record("\(name) was accepted")
                continue
            }
            #expect(setting == name)
        }
    }

    @Test func errorDescriptionsAreReadableAndClassified() {
        #expect(
            SessionCodecError.expired(at: Date(timeIntervalSince1970: 0)).description.contains("1970-01-01T00:00:00Z"))
        #expect(SessionCodecError.sealedValueTooLarge(length: 5000, limit: 4096).description.contains("5000"))
        #expect(SessionCodecError.sealedValueTooLarge(length: 5000, limit: 4096).isUsageError)
        #expect(!SessionCodecError.authenticationFailed.isUsageError)
        #expect(!SessionCodecError.malformed.isUsageError)
    }

    @Test func deserializationFailureNamesThePathNotTheContents() throws {
        struct Wanted: Codable, Sendable { var count: Int }
        struct Secret: Codable, Sendable { var count: String }
        let ring = try KeyRing(primary: Fixture.sequentialKey())
        let configuration = SessionCodecConfiguration(cookieName: "s", keyRing: ring)
        let value = try SessionCodec<Secret>(configuration: configuration).seal(Secret(count: "hunter2"))
        let error = codecError { try SessionCodec<Wanted>(configuration: configuration).open(value) }
        #expect(error == .deserializationFailed(reason: "type mismatch at count"))
        #expect(error?.description.contains("hunter2") == false)
    }
}
