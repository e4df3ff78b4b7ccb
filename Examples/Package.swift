// swift-tools-version:6.1
import PackageDescription

/// The example app, its nodes, the demo and the demo's SQLite store: code that shows SealedCookie
/// in use and runs the demo, the nginx cluster test and the load test, kept out of the library's
/// manifest (as Benchmarks/ and Fuzz/ are). It depends on the library by path.
///
/// The example app's sources (ExampleModel, ExampleApp, VaporExample) are also compiled by the
/// root package, as the app the middleware tests run, where each sits in `#if Hummingbird` or
/// `#if Vapor`. Here the app always has its framework, so those names are defined outright.
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .define("Hummingbird"),
    .define("Vapor"),
]

/// postgres-nio, and the TLS and crypto libraries under it, only with the PostgreSQL trait: the
/// demo is built without it, so a newcomer's first run compiles none of them.
let postgres: TargetDependencyCondition? = .when(traits: ["PostgreSQL"])

let package = Package(
    name: "SealedCookieExamples",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "sealed-cookie-demo", targets: ["SealedCookieDemo"]),
        .executable(name: "sealed-cookie-vapor-node", targets: ["SealedCookieVaporNode"]),
    ],
    traits: [
        .trait(
            name: "PostgreSQL",
            description:
                "Revocation in PostgreSQL: `sealed-cookie-demo serve --revocation-postgres` and the Vapor node (cluster and load tests)."
        )
    ],
    dependencies: [
        .package(
            name: "SealedCookie", path: "..",
            traits: [
                "Hummingbird", "Vapor", .trait(name: "PostgreSQL", condition: .when(traits: ["PostgreSQL"])),
                // @SessionJSON for the load test's session (SealedCookieLoadRoutes), which only
                // the load test's build has: the demo's first build compiles no swift-syntax.
                .trait(name: "Macros", condition: .when(traits: ["PostgreSQL"])),
            ]),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: []),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        // The demo's revocation store shared by node processes on one machine: SQLite, no server.
        .package(url: "https://github.com/vapor/sqlite-nio.git", from: "1.13.2"),
        // The node's `/metrics` (Prometheus' text format), in the demo only: the library's
        // core records through swift-metrics and depends on no backend.
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        // The example app's session and reply, shared by its Hummingbird and Vapor nodes.
        .target(
            name: "SealedCookieExampleModel",
            dependencies: [.product(name: "SealedCookie", package: "SealedCookie")],
            swiftSettings: swiftSettings
        ),
        // The small example app that the demo, the nginx cluster test, the load test and the
        // middleware tests all run.
        .target(
            name: "SealedCookieExampleApp",
            dependencies: [
                "SealedCookieExampleModel",
                .product(name: "SealedCookie", package: "SealedCookie"),
                .product(name: "SealedCookieHummingbird", package: "SealedCookie"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // The same routes on Vapor, for the mixed-framework cluster and load tests.
        .target(
            name: "SealedCookieVaporExample",
            dependencies: [
                "SealedCookieExampleModel",
                .product(name: "SealedCookie", package: "SealedCookie"),
                .product(name: "SealedCookieVapor", package: "SealedCookie"),
                .product(name: "Vapor", package: "vapor"),
            ],
            swiftSettings: swiftSettings
        ),
        // The `postgres://` URLs the scripts pass to the nodes: the library's own parser, which its
        // tests use too, linked here (not public API).
        .target(
            name: "SealedCookieExamplePostgres",
            dependencies: [.product(name: "PostgresNIO", package: "postgres-nio", condition: postgres)],
            swiftSettings: swiftSettings
        ),
        // The demo's SQLite revocation store: example code, not a product.
        .target(
            name: "SealedCookieExampleStore",
            dependencies: [
                .product(name: "SealedCookie", package: "SealedCookie"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Its HTTP client is NIOHTTP1 on NIOPosix, already built for Hummingbird: the demo
        // compiles no TLS library.
        .executableTarget(
            name: "SealedCookieDemo",
            dependencies: [
                "SealedCookieExampleApp",
                "SealedCookieExampleModel",
                "SealedCookieExampleStore",
                .target(name: "SealedCookieLoadRoutes", condition: postgres),
                .product(name: "SealedCookie", package: "SealedCookie"),
                .product(name: "SealedCookiePostgres", package: "SealedCookie", condition: postgres),
                .target(name: "SealedCookieExamplePostgres", condition: postgres),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "PostgresNIO", package: "postgres-nio", condition: postgres),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: swiftSettings
        ),
        // The load test's routes on both frameworks (`/load/...`), with their own `@SessionJSON`
        // session, the configuration the README recommends. Only with the PostgreSQL trait,
        // which the load test builds with: the macro needs swift-syntax, a long first build that
        // the demo (built without the trait) does not pay. Empty without the trait.
        .target(
            name: "SealedCookieLoadRoutes",
            dependencies: [
                "SealedCookieExampleModel",
                "SealedCookieExampleApp",
                "SealedCookieVaporExample",
                .product(name: "SealedCookie", package: "SealedCookie"),
                .product(name: "SealedCookieMacros", package: "SealedCookie", condition: postgres),
                .product(name: "SealedCookieHummingbird", package: "SealedCookie"),
                .product(name: "SealedCookieVapor", package: "SealedCookie"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "Vapor", package: "vapor"),
            ],
            swiftSettings: swiftSettings
        ),
        // One node of the example app on Vapor. Its revocation store is PostgreSQL, so without
        // the trait it is a stub that says so.
        .executableTarget(
            name: "SealedCookieVaporNode",
            dependencies: [
                "SealedCookieVaporExample",
                "SealedCookieExampleModel",
                .target(name: "SealedCookieLoadRoutes", condition: postgres),
                .product(name: "SealedCookie", package: "SealedCookie"),
                .product(name: "SealedCookiePostgres", package: "SealedCookie", condition: postgres),
                .target(name: "SealedCookieExamplePostgres", condition: postgres),
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "PostgresNIO", package: "postgres-nio", condition: postgres),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SealedCookieExampleStoreTests",
            dependencies: [
                "SealedCookieExampleStore",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
