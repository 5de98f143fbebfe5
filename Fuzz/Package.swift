// swift-tools-version:6.0
// libFuzzer targets for relmodel's input paths (docs/FUZZING.md). A separate package, so the root
// package, which CI builds, never compiles them. Build and run them with scripts/fuzz.sh.
import PackageDescription

/// One libFuzzer executable: `main.swift` hands the target's entry point to libFuzzer's driver.
func fuzzTarget(_ name: String, _ products: [String]) -> Target {
    .executableTarget(
        name: name,
        dependencies: ["CFuzzDriver"] + products.map { .product(name: $0, package: "relmodel") }
    )
}

let package = Package(
    name: "relmodel-fuzz",
    products: [
        "FuzzCSV", "FuzzLifetime", "FuzzLifeStress", "FuzzPlan", "FuzzSPCSubgroups", "FuzzBatchPCA", "FuzzBaseline",
    ].map { .executable(name: $0, targets: [$0]) },
    dependencies: [.package(name: "relmodel", path: "..")],
    targets: [
        .target(name: "CFuzzDriver"),
        fuzzTarget("FuzzCSV", ["Ingest"]),
        fuzzTarget("FuzzLifetime", ["Ingest", "Lifetime"]),
        fuzzTarget("FuzzLifeStress", ["Ingest", "Lifetime"]),
        fuzzTarget("FuzzPlan", ["Ingest", "Qualification"]),
        // The SPC subgroup and baseline paths live partly in the CLI target (internal types), reached
        // with `@testable import` (scripts/fuzz.sh builds with -enable-testing).
        fuzzTarget("FuzzSPCSubgroups", ["Ingest", "SPC", "RelmodelCLI"]),
        fuzzTarget("FuzzBatchPCA", ["Ingest", "SPC", "LinearAlgebra"]),
        fuzzTarget("FuzzBaseline", ["SPC"]),
    ]
)
