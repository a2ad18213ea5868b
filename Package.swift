// swift-tools-version:6.0
// parcheck — checks Vietnamese administrative-reform (CCHC) plans against dossier and unit data.
import PackageDescription

let package = Package(
    name: "parcheck",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "parcheck", targets: ["parcheck"]),
        .library(name: "ParcheckKit", targets: ["ParcheckKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // HTML reports are rendered from a Mustache template a province can override without recompiling.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // C: system libraries (pkg-config) and the tiny shim that holds every piece of code that may raise a Lua error.
        .systemLibrary(name: "CLua", pkgConfig: "lua5.4", providers: [.apt(["liblua5.4-dev"])]),
        .systemLibrary(name: "CLibYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .target(name: "LuaShim", dependencies: ["CLua"]),

        // Pipeline stages; arrows point one way: CLI → Report → Scoring → Engine → {Plan, Data, LuaRuntime} → C.
        .target(name: "Common"),
        .target(name: "LocatedYAML", dependencies: ["CLibYAML", "Common"]),
        .target(name: "Data", dependencies: ["Common", "LocatedYAML"]),
        .target(name: "Plan", dependencies: ["Common", "LocatedYAML"]),
        .target(name: "LuaRuntime", dependencies: ["CLua", "LuaShim", "Common"]),
        .target(name: "Engine", dependencies: ["Common", "Data", "Plan", "LuaRuntime", "LuaShim"]),
        .target(name: "Scoring", dependencies: ["Common", "Engine", "Plan", "Data"]),
        .target(name: "Report", dependencies: [
            "Common", "Scoring", "Engine", "Plan", "Data", .product(name: "Mustache", package: "swift-mustache"),
        ], resources: [.embedInCode("Templates/report.html.mustache")]),
        .target(name: "ParcheckKit", dependencies: ["Common", "LocatedYAML", "Data", "Plan", "LuaRuntime", "Engine", "Scoring", "Report"]),
        .executableTarget(name: "parcheck", dependencies: [
            "Common", "ParcheckKit", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .testTarget(name: "CommonTests", dependencies: ["Common"]),
        .testTarget(name: "DataTests", dependencies: ["Data", "Common"]),
        .testTarget(name: "PlanTests", dependencies: ["Plan", "LocatedYAML", "Common"], exclude: ["SchemaCorpus"]),
        .testTarget(name: "LuaRuntimeTests", dependencies: ["LuaRuntime", "Common"]),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "Scoring", "Data", "Plan", "Common"]),
        .testTarget(name: "ParcheckKitTests", dependencies: ["ParcheckKit", "Plan", "LocatedYAML", "Report"]),
    ]
)
