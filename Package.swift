// swift-tools-version:6.1
import CompilerPluginSupport
import PackageDescription

/// Settings shared by every Swift target: Swift 6 mode plus the upcoming features the
/// house style asks for (no C type leaks through a public signature).
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

/// Dependencies behind a trait are not even resolved by an application that leaves the trait
/// off, so depending on the core fetches and compiles no web framework (README, "Package shape").
let hummingbird: TargetDependencyCondition? = .when(traits: ["Hummingbird"])
let vapor: TargetDependencyCondition? = .when(traits: ["Vapor"])
let postgres: TargetDependencyCondition? = .when(traits: ["PostgreSQL"])
let macros: TargetDependencyCondition? = .when(traits: ["Macros"])

let package = Package(
    name: "SealedCookie",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "SealedCookie", targets: ["SealedCookie"]),
        .library(name: "SealedCookieHummingbird", targets: ["SealedCookieHummingbird"]),
        .library(name: "SealedCookieVapor", targets: ["SealedCookieVapor"]),
        .library(name: "SealedCookiePostgres", targets: ["SealedCookiePostgres"]),
        .library(name: "SealedCookieMacros", targets: ["SealedCookieMacros"]),
        .executable(name: "sealed-cookie", targets: ["SealedCookieTool"]),
    ],
    // None by default: an application names the integration it uses. The repository's own
    // scripts build with every trait (`--enable-all-traits`). Every source and test file of a
    // target that needs a trait sits in `#if <Trait>`, so a plain `swift build` or `swift test`
    // compiles those targets to nothing and builds no framework (CI checks both ways).
    traits: [
        .trait(name: "Hummingbird", description: "SealedCookieHummingbird: the Hummingbird 2 middleware."),
        .trait(name: "Vapor", description: "SealedCookieVapor: the Vapor 4 middleware and session driver."),
        .trait(
            name: "PostgreSQL",
            description: "SealedCookiePostgres: a revocation store a cluster shares, on PostgreSQL (postgres-nio)."),
        .trait(
            name: "Macros",
            description:
                "SealedCookieMacros: @SessionJSON, generated JSON code for session types (builds swift-syntax)."),
    ],
    dependencies: [
        // No traits: the package needs neither swift-configuration nor full Foundation from Hummingbird.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: []),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0", traits: []),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        // The core's metrics facade (CoreMetrics only: no handler, no dependency of its own; a
        // no-op until the app bootstraps MetricsSystem). MetricsTestKit for the tests.
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        // Test-only: property-based round trips in SealedCookieTests.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        // The @SessionJSON macro's compiler plugin (trait Macros). A range, not `from:`, so an
        // application on any of the swift-syntax majors its other macros pin can still resolve.
        .package(url: "https://github.com/swiftlang/swift-syntax", "600.0.0"..<"604.0.0"),
        // Documentation only: `swift package generate-documentation` (scripts/check-docs).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
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
            dependencies: [
                "CSodium", "CZlib", "CZstd", .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "SealedCookieTool",
            dependencies: ["SealedCookie", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            // The sample documents of Corpus/ are compiled in (Support/BundledCorpus+Documents.swift,
            // made by scripts/embed-corpus), so the binary needs no resource bundle.
            swiftSettings: swiftSettings
        ),
        .target(
            name: "SealedCookieHummingbird",
            dependencies: [
                "SealedCookie",
                .product(name: "HTTPTypes", package: "swift-http-types", condition: hummingbird),
                .product(name: "Hummingbird", package: "hummingbird", condition: hummingbird),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth", condition: hummingbird),
                .product(name: "Logging", package: "swift-log", condition: hummingbird),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "SealedCookieVapor",
            dependencies: [
                "SealedCookie",
                .product(name: "Vapor", package: "vapor", condition: vapor),
                .product(name: "Logging", package: "swift-log", condition: vapor),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "SealedCookiePostgres",
            dependencies: [
                "SealedCookie",
                .product(name: "PostgresNIO", package: "postgres-nio", condition: postgres),
            ],
            swiftSettings: swiftSettings
        ),
        // The compiler plugin behind @SessionJSON. Its sources compile to a stub without the
        // Macros trait (no swift-syntax then), since `--enable-all-traits` builds every target.
        .macro(
            name: "SealedCookieMacrosPlugin",
            dependencies: [
                .product(name: "SwiftSyntax", package: "swift-syntax", condition: macros),
                .product(name: "SwiftSyntaxBuilder", package: "swift-syntax", condition: macros),
                .product(name: "SwiftParser", package: "swift-syntax", condition: macros),
                .product(name: "SwiftSyntaxMacros", package: "swift-syntax", condition: macros),
                .product(name: "SwiftCompilerPlugin", package: "swift-syntax", condition: macros),
                .product(name: "SwiftDiagnostics", package: "swift-syntax", condition: macros),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "SealedCookieMacros",
            dependencies: ["SealedCookie", "SealedCookieMacrosPlugin"],
            swiftSettings: swiftSettings
        ),
        // The example app of Examples/ (its package builds the demo and the nodes from it),
        // compiled here as well because the middleware tests run it: the app a newcomer sees in
        // the demo is the app the tests check. Not products; with their trait off they compile
        // to nothing.
        .target(
            name: "SealedCookieExampleModel",
            dependencies: ["SealedCookie"],
            path: "Examples/Sources/SealedCookieExampleModel",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "SealedCookieExampleApp",
            dependencies: [
                "SealedCookie",
                "SealedCookieHummingbird",
                "SealedCookieExampleModel",
                .product(name: "Hummingbird", package: "hummingbird", condition: hummingbird),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth", condition: hummingbird),
                .product(name: "Logging", package: "swift-log", condition: hummingbird),
                .product(name: "NIOCore", package: "swift-nio", condition: hummingbird),
            ],
            path: "Examples/Sources/SealedCookieExampleApp",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "SealedCookieVaporExample",
            dependencies: [
                "SealedCookie",
                "SealedCookieVapor",
                "SealedCookieExampleModel",
                .product(name: "Vapor", package: "vapor", condition: vapor),
            ],
            path: "Examples/Sources/SealedCookieVaporExample",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SealedCookieTests",
            dependencies: [
                "SealedCookie",
                "SealedCookieTestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "MetricsTestKit", package: "swift-metrics"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: swiftSettings
        ),
        // @SessionJSON: its expansions (the plugin's macro type run directly), and types it
        // conformed coded against their synthesized Codable.
        .testTarget(
            name: "SealedCookieMacrosTests",
            dependencies: [
                "SealedCookieMacrosPlugin",
                "SealedCookieMacros",
                "SealedCookieTestSupport",
                .product(name: "SwiftSyntax", package: "swift-syntax", condition: macros),
                .product(name: "SwiftSyntaxMacroExpansion", package: "swift-syntax", condition: macros),
                .product(name: "SwiftSyntaxMacrosGenericTestSupport", package: "swift-syntax", condition: macros),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SealedCookieToolTests",
            // SealedCookie too: the parity tests seal through the library what the tool reports.
            dependencies: ["SealedCookieTool", "SealedCookie"],
            swiftSettings: swiftSettings
        ),
        // The seeded generator, and the hand-moved clock and log recorder of the middleware tests.
        .target(
            name: "SealedCookieTestSupport",
            dependencies: [
                "SealedCookie",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/SealedCookieTestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SealedCookieHummingbirdTests",
            dependencies: [
                "SealedCookieTestSupport",
                "SealedCookie",
                "SealedCookieHummingbird",
                "SealedCookieExampleApp",
                .product(name: "HTTPTypes", package: "swift-http-types", condition: hummingbird),
                .product(name: "Hummingbird", package: "hummingbird", condition: hummingbird),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth", condition: hummingbird),
                .product(name: "HummingbirdTesting", package: "hummingbird", condition: hummingbird),
                .product(name: "Logging", package: "swift-log", condition: hummingbird),
                .product(name: "NIOCore", package: "swift-nio", condition: hummingbird),
            ],
            swiftSettings: swiftSettings
        ),
        // Runs against the PostgreSQL server scripts/postgres starts (skipped, saying so, without one).
        .testTarget(
            name: "SealedCookiePostgresTests",
            dependencies: [
                "SealedCookie",
                "SealedCookiePostgres",
                .product(name: "PostgresNIO", package: "postgres-nio", condition: postgres),
                .product(name: "Logging", package: "swift-log", condition: postgres),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SealedCookieVaporTests",
            dependencies: [
                "SealedCookie",
                "SealedCookieVapor",
                "SealedCookieVaporExample",
                "SealedCookieTestSupport",
                .product(name: "Vapor", package: "vapor", condition: vapor),
                .product(name: "VaporTesting", package: "vapor", condition: vapor),
                .product(name: "Logging", package: "swift-log", condition: vapor),
                .product(name: "MetricsTestKit", package: "swift-metrics", condition: vapor),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
