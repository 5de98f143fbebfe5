// swift-tools-version:6.0
// relmodel: statistical reliability toolkit (lifetime analysis, qualification numbers, SPC).
// Module map and principles: docs/ARCHITECTURE.md.
import PackageDescription

let package = Package(
    name: "relmodel",
    products: [
        .library(name: "LinearAlgebra", targets: ["LinearAlgebra"]),
        .library(name: "RelmodelNumerics", targets: ["RelmodelNumerics"]),
        .library(name: "Ingest", targets: ["Ingest"]),
        .library(name: "Lifetime", targets: ["Lifetime"]),
        .library(name: "Qualification", targets: ["Qualification"]),
        .library(name: "SPC", targets: ["SPC"]),
        .library(name: "RelmodelJSON", targets: ["RelmodelJSON"]),
        .library(name: "Report", targets: ["Report"]),
        .library(name: "RelmodelCLI", targets: ["RelmodelCLI"]),
        .executable(name: "relmodel", targets: ["relmodel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // SQLite for the limit registry (Debian's libsqlite3-dev).
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // SHA-256 of the data a baseline was computed from.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // `swift package generate-documentation` for the DocC catalogs (scripts/build-docs.sh).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        // `relmodel report`: the HTML page is a Mustache template, which escapes every value it inserts.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // LAPACK and BLAS from Debian's liblapack-dev and libblas-dev (Fortran symbols declared in shim.h).
        .systemLibrary(
            name: "CLAPACK",
            path: "Sources/CLAPACK",
            providers: [.apt(["liblapack-dev", "libblas-dev"])]
        ),
        .target(name: "LinearAlgebra", dependencies: ["CLAPACK"]),
        .target(name: "RelmodelNumerics", dependencies: ["LinearAlgebra"]),
        .target(name: "Ingest"),
        // The JSON contract: `JSONValue` (ordered keys, shortest round-trip numbers), its Codable bridge
        // and the encoder that gives every result's document the bytes the CLI prints.
        .target(name: "RelmodelJSON"),
        .target(name: "Lifetime", dependencies: ["RelmodelNumerics", "LinearAlgebra", "Ingest", "RelmodelJSON"]),
        .target(name: "Qualification", dependencies: ["Lifetime", "RelmodelNumerics", "Ingest", "RelmodelJSON"]),
        .target(name: "SPC", dependencies: [
            "RelmodelNumerics", "LinearAlgebra", "Lifetime", "Ingest", "RelmodelJSON",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // Control limits keyed by context (product, recipe, tool, ...), versioned with provenance, in SQLite.
        .target(name: "LimitRegistry", dependencies: ["RelmodelJSON", .product(name: "GRDB", package: "GRDB.swift")]),
        // Rendering primitives (JSON, number formatting, text tables, SVG and probability-paper scales,
        // the self-contained HTML report).
        .target(name: "Report", dependencies: ["RelmodelNumerics", "RelmodelJSON",
                                               .product(name: "Mustache", package: "swift-mustache")]),
        .target(
            name: "RelmodelCLI",
            dependencies: [
                "Ingest", "Lifetime", "Qualification", "SPC", "Report", "LimitRegistry", "RelmodelJSON",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(name: "relmodel", dependencies: ["RelmodelCLI"]),

        .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra"]),
        .testTarget(name: "NumericsTests", dependencies: ["RelmodelNumerics"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest"]),
        .testTarget(name: "LifetimeTests", dependencies: ["Lifetime"]),
        .testTarget(name: "QualificationTests", dependencies: ["Qualification"]),
        .testTarget(name: "SPCTests", dependencies: ["SPC"]),
        .testTarget(name: "RelmodelJSONTests", dependencies: ["RelmodelJSON"]),
        .testTarget(name: "ReportTests", dependencies: ["Report", "RelmodelJSON"]),
        .testTarget(name: "LimitRegistryTests", dependencies: ["LimitRegistry", .product(name: "GRDB", package: "GRDB.swift")]),
        // End-to-end tests run the built `relmodel` executable; depending on it makes `swift test` build it.
        .testTarget(name: "CLITests", dependencies: ["relmodel", "RelmodelCLI", .product(name: "GRDB", package: "GRDB.swift")]),
    ]
)
