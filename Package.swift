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
        .executable(name: "sealed-cookie-demo", targets: ["SealedCookieDemo"]),
    ],
    dependencies: [
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
        .target(
            name: "SealedCookie",
            dependencies: ["CSodium", "CZlib"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "SealedCookieDemo",
            dependencies: ["SealedCookie"],
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
    ]
)
