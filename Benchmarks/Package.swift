// swift-tools-version:6.1
import PackageDescription

// A nested package, so that `swift build`/`swift test` at the root never compile the benchmark
// harness. Run from the repository root:
//   swift package --package-path Benchmarks benchmark
let package = Package(
    name: "SealedCookieBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        // Macros: the sample session is `@SessionJSON`, the configuration the README recommends.
        // Hummingbird: the middleware's per-request path (MiddlewareBenchmarks).
        .package(name: "SealedCookie", path: "../", traits: ["Macros", "Hummingbird"]),
        // No traits, as in the root and Examples manifests: neither swift-configuration nor full
        // Foundation is needed.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: []),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        // The trait list is required: the default traits pull in a runtime interposer that is
        // not available offline on Linux with Swift 6.3.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        // libsodium alone, for the floor the codec is compared with in the same run.
        .systemLibrary(
            name: "CSodiumFloor",
            path: "Benchmarks/CSodiumFloor",
            pkgConfig: "libsodium",
            providers: [.apt(["libsodium-dev"]), .brew(["libsodium"])]
        ),
        .executableTarget(
            name: "CodecBenchmarks",
            dependencies: [
                "CSodiumFloor",
                .product(name: "SealedCookie", package: "SealedCookie"),
                .product(name: "SealedCookieMacros", package: "SealedCookie"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/CodecBenchmarks",
            swiftSettings: [.swiftLanguageMode(.v6)],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // The Hummingbird middleware's per-request path, in-process: router and middleware with
        // and without metrics, against the same route without the middleware.
        .executableTarget(
            name: "MiddlewareBenchmarks",
            dependencies: [
                .product(name: "SealedCookie", package: "SealedCookie"),
                .product(name: "SealedCookieHummingbird", package: "SealedCookie"),
                .product(name: "SealedCookieMacros", package: "SealedCookie"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/MiddlewareBenchmarks",
            swiftSettings: [.swiftLanguageMode(.v6)],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
