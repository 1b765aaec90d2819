// swift-tools-version: 6.0
import PackageDescription

// The benchmarks of kompass: a separate package, so that the product's Package.swift keeps no
// package dependencies. Build in release mode: swift build -c release --package-path Benchmarks
let package = Package(
    name: "kompass-benchmarks",
    dependencies: [
        .package(name: "kompass", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "kompass-benchmarks",
            dependencies: [.product(name: "KompassCore", package: "kompass")]
        ),
    ]
)
