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
        .package(name: "SealedCookie", path: "../", traits: ["Macros"]),
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
    ]
)
