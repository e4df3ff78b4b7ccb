import Foundation

/// SplitMix64: a small seeded generator, so that every randomized test can be replayed.
///
/// ``forTest(_:)`` prints the seed it uses; set `SEALED_COOKIE_TEST_SEED` to that value to run
/// the test again on the same inputs.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    /// The seed this generator started from.
    public let seed: UInt64
    private var state: UInt64

    /// A generator that always yields the same sequence for `seed`.
    public init(seed: UInt64) {
        self.seed = seed
        self.state = seed
    }

    /// The generator of one randomized test: seeded from `SEALED_COOKIE_TEST_SEED` when set (to
    /// replay a failure), from the system generator otherwise; the seed is printed either way.
    public static func forTest(_ test: String = #function) -> SeededGenerator {
        let given = ProcessInfo.processInfo.environment["SEALED_COOKIE_TEST_SEED"].flatMap { text in
            text.hasPrefix("0x") ? UInt64(text.dropFirst(2), radix: 16) : UInt64(text)
        }
        let seed = given ?? UInt64.random(in: .min ... .max)
        print(
            "\(test): random seed 0x\(String(seed, radix: 16)) (replay with SEALED_COOKIE_TEST_SEED=0x\(String(seed, radix: 16)))"
        )
        return SeededGenerator(seed: seed)
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
