// swift-tools-version:6.0
// libFuzzer harnesses for parcheck's input paths: a package of its own, so the main build never sees an
// executable without a main. Sources/<module> are symlinks to ../Sources/<module>; build with scripts/fuzz.sh.
import PackageDescription

let package = Package(
    name: "parcheck-fuzz",
    targets: [
        .systemLibrary(name: "CLua", pkgConfig: "lua5.4", providers: [.apt(["liblua5.4-dev"])]),
        .systemLibrary(name: "CLibYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .target(name: "LuaShim", dependencies: ["CLua"]),
        .target(name: "Common"),
        .target(name: "LocatedYAML", dependencies: ["CLibYAML", "Common"]),
        .target(name: "Data", dependencies: ["Common", "LocatedYAML"]),
        .target(name: "Plan", dependencies: ["Common", "LocatedYAML"]),
        .target(name: "LuaRuntime", dependencies: ["CLua", "LuaShim", "Common"]),
        // Declares libFuzzer's LLVMFuzzerRunDriver; the library itself comes with -sanitize=fuzzer.
        .target(name: "FuzzDriver"),
        .executableTarget(name: "ParcheckFuzz",
                          dependencies: ["FuzzDriver", "Common", "Data", "Plan", "LuaRuntime", "CLua"],
                          // libFuzzer calls the harness on one thread; its globals need no isolation checks.
                          swiftSettings: [.swiftLanguageMode(.v5)]),
    ]
)
