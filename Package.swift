// swift-tools-version:6.1
import PackageDescription

/// Settings shared by every Swift target: Swift 6 mode plus the upcoming features the
/// house style asks for (no C type leaks through a public signature).
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "SealedCookie",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "SealedCookie", targets: ["SealedCookie"]),
        .library(name: "SealedCookieHummingbird", targets: ["SealedCookieHummingbird"]),
        .executable(name: "sealed-cookie", targets: ["SealedCookieTool"]),
        .executable(name: "sealed-cookie-demo", targets: ["SealedCookieDemo"]),
    ],
    dependencies: [
        // No traits: the package needs neither swift-configuration nor full Foundation from Hummingbird.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: []),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0", traits: []),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        // Test-only: property-based round trips in SealedCookieTests.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CSodium",
            pkgConfig: "libsodium",
            providers: [.apt(["libsodium-dev"]), .brew(["libsodium"]), .yum(["libsodium-devel"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"]), .yum(["zlib-devel"])]
        ),
        .systemLibrary(
            name: "CZstd",
            pkgConfig: "libzstd",
            providers: [.apt(["libzstd-dev"]), .brew(["zstd"]), .yum(["libzstd-devel"])]
        ),
        .target(
            name: "SealedCookie",
            dependencies: ["CSodium", "CZlib", "CZstd"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "SealedCookieTool",
            dependencies: ["SealedCookie", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            // The sample documents are compiled in (Support/BundledCorpus+Documents.swift, made by
            // scripts/embed-corpus), so the binary needs no resource bundle.
            exclude: ["Corpus"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "SealedCookieHummingbird",
            dependencies: [
                "SealedCookie",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The small example app that the demo, the nginx cluster test, the load test and the
        // middleware tests all run.
        .target(
            name: "SealedCookieExampleApp",
            dependencies: [
                "SealedCookie",
                "SealedCookieHummingbird",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "SealedCookieDemo",
            dependencies: [
                "SealedCookie",
                "SealedCookieExampleApp",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SealedCookieTests",
            dependencies: [
                "SealedCookie",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SealedCookieToolTests",
            dependencies: ["SealedCookieTool"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SealedCookieHummingbirdTests",
            dependencies: [
                "SealedCookie",
                "SealedCookieHummingbird",
                "SealedCookieExampleApp",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
