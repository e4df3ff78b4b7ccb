// swift-tools-version:6.1
import PackageDescription

/// libFuzzer targets for SealedCookie, kept out of the main package so that normal builds never
/// compile them. The library's sources are symlinked (Sources/SealedCookie, CSodium, CZlib, CZstd), so
/// this package resolves only the core's dependencies, swift-log and swift-metrics (and the symlinks give the
/// fuzz targets the library's `package` symbols, such as `sealRaw`). Build and run with ./run: it compiles with
/// `-sanitize=fuzzer,address` (swiftc keeps only the last -sanitize= flag) and links each target
/// with swiftc itself, since SwiftPM's executables define a `main` that clashes with libFuzzer's.
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

/// A fuzz target: a module defining `LLVMFuzzerTestOneInput`, linked with libFuzzer's `main` by
/// ./run.
func fuzzTarget(_ name: String) -> Target {
    .target(name: name, dependencies: ["SealedCookie", "FuzzSupport"], swiftSettings: swiftSettings)
}

let package = Package(
    name: "SealedCookieFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
    ],
    targets: [
        .systemLibrary(name: "CSodium", pkgConfig: "libsodium"),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib"),
        .systemLibrary(name: "CZstd", pkgConfig: "libzstd"),
        .target(
            name: "SealedCookie",
            dependencies: [
                "CSodium", "CZlib", "CZstd", .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ],
            swiftSettings: swiftSettings),
        .target(name: "FuzzSupport", dependencies: ["SealedCookie"], swiftSettings: swiftSettings),
        fuzzTarget("FuzzOpen"),
        fuzzTarget("FuzzSealed"),
        fuzzTarget("FuzzFrames"),
        fuzzTarget("FuzzCookies"),
        fuzzTarget("FuzzKeys"),
        fuzzTarget("FuzzSuffixList"),
    ]
)
