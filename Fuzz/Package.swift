// swift-tools-version: 6.0
import PackageDescription

// The fuzzers of kompass: one libFuzzer binary, `kompass-fuzz`, whose target (page-text, csv, json, jsonl, xml,
// xml-xsd, normalise-validate, config) is chosen by the environment variable KOMPASS_FUZZ_TARGET.
//
// A package of its own, so that the product's build stays as it is (the product keeps no package dependencies).
// It depends on the product by path. Instrumentation is given on the command line, so that it reaches every
// module of the graph (KompassCore, KompassXML, the C targets), not only this one; scripts/fuzz builds it:
//
//   swift build -c release --product kompass-fuzz \
//       -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address
//
// main.swift calls libFuzzer's driver (LLVMFuzzerRunDriver) itself: SwiftPM gives an executable its own `main`,
// so libFuzzer's `main` is never linked in, and no module needs -parse-as-library.
let package = Package(
    name: "kompass-fuzz",
    dependencies: [
        .package(name: "kompass", path: ".."),
    ],
    targets: [
        // libFuzzer's LLVMFuzzerRunDriver, declared for Swift.
        .target(name: "CLibFuzzer"),
        .executableTarget(
            name: "kompass-fuzz",
            dependencies: ["CLibFuzzer", .product(name: "KompassCore", package: "kompass")],
            path: "Sources/KompassFuzz",
            // gold stops with an internal error on the instrumented objects; lld (in the toolchain) links them.
            linkerSettings: [.unsafeFlags(["-use-ld=lld"])]
        ),
    ]
)
