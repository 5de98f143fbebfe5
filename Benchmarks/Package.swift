// swift-tools-version:6.1
// relmodel benchmarks: a separate package so that ordo-one/benchmark (and its malloc interposer)
// never enters the root package's build. See ../BENCHMARKS.md for how to run and what is measured.
//
//   swift package --disable-sandbox benchmark              # library benchmarks (ordo-one/benchmark)
//   swift run -c release relmodel-timing --help            # plain ContinuousClock timer used by bench/compare
import PackageDescription

let package = Package(
    name: "relmodel-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "relmodel", path: ".."),
        // Only the MallocInterposer trait: the default RuntimeInterposer trait pulls in
        // ordo-one/swift-runtime-interposer (Linux, Swift 6.3), which this machine's package mirror
        // does not hold; with the trait off SwiftPM does not resolve it at all.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Seeded data generation and the lifetime work each benchmark times, shared by both drivers.
        .target(
            name: "BenchSupport",
            dependencies: [
                .product(name: "Ingest", package: "relmodel"),
                .product(name: "Lifetime", package: "relmodel"),
                .product(name: "RelmodelNumerics", package: "relmodel"),
                .product(name: "SPC", package: "relmodel"),
            ]
        ),
        // ordo-one/benchmark suite: Benchmarks/LibraryBenchmarks (the plugin finds suites under ./Benchmarks).
        .executableTarget(
            name: "LibraryBenchmarks",
            dependencies: [
                "BenchSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Ingest", package: "relmodel"),
                .product(name: "Lifetime", package: "relmodel"),
                .product(name: "SPC", package: "relmodel"),
            ],
            path: "Benchmarks/LibraryBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // Release-mode timer for bench/compare: reads the CSV files the Python generator wrote, times
        // the same work the Python peers do, prints one JSON document (times and estimates).
        .executableTarget(
            name: "relmodel-timing",
            dependencies: [
                "BenchSupport",
                .product(name: "Ingest", package: "relmodel"),
                .product(name: "Lifetime", package: "relmodel"),
                .product(name: "SPC", package: "relmodel"),
            ]
        ),
    ]
)
