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
        .executable(name: "sealed-cookie", targets: ["SealedCookieTool"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
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
            name: "SealedCookieTool",
            dependencies: ["SealedCookie", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            resources: [.copy("Corpus")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SealedCookieTests",
            dependencies: ["SealedCookie"],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SealedCookieToolTests",
            dependencies: ["SealedCookieTool"],
            swiftSettings: swiftSettings
        ),
    ]
)
