// swift-tools-version: 6.0
import PackageDescription

// kompass: the Digitalisierungs-Kompass open-data export pipeline.
// The product has no package dependencies: the toolchain and the system libxml2 only.

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "kompass",
    products: [
        .executable(name: "kompass", targets: ["KompassCLI"]),
        .library(name: "KompassCore", targets: ["KompassCore"]),
    ],
    targets: [
        // libxml2 from Debian's libxml2-dev, seen by KompassXML only.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // The one system call Swift's Glibc module does not expose: renameat2 with RENAME_EXCHANGE.
        .target(name: "CKompassSystem"),
        // SHA-256 in C: the x86-64 SHA extensions when CPUID reports them, portable C otherwise.
        .target(name: "CKompassSHA256"),
        // The commit kompass was built from, for `kompass --version`: the C macro KOMPASS_COMMIT, set with
        // `swift build -c release -Xcc -DKOMPASS_COMMIT='"1a2b3c4"'` (a plain build says "unknown").
        .target(name: "CKompassBuildInfo"),
        // Safe, streaming XML reading over libxml2: no entities, no DTDs, no network.
        .target(
            name: "KompassXML",
            dependencies: ["CLibXML2"],
            swiftSettings: swiftSettings
        ),
        // The pipeline: model, importers, normaliser, validators, exporters, publication. Never prints.
        .target(
            name: "KompassCore",
            dependencies: ["KompassXML", "CKompassSystem", "CKompassSHA256"],
            swiftSettings: swiftSettings
        ),
        // The command line: parses arguments, prints, maps outcomes to exit codes.
        .executableTarget(
            name: "KompassCLI",
            dependencies: ["KompassCore", "CKompassBuildInfo"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KompassCoreTests",
            dependencies: ["KompassCore", "KompassXML"],
            // The differential tests' Python reference and notes (read at run time, not built).
            exclude: ["Differential/python", "Differential/README.md"],
            swiftSettings: swiftSettings
        ),
        // End-to-end tests that run the built `kompass` binary.
        .testTarget(
            name: "KompassCLITests",
            dependencies: ["KompassCLI"],
            swiftSettings: swiftSettings
        ),
    ]
)
