// swift-tools-version:6.0
// A qualification pipeline that uses relmodel as a library (README, "Using the library").
import PackageDescription

let package = Package(
    name: "QualificationPipeline",
    dependencies: [.package(name: "relmodel", path: "../..")],
    targets: [
        .executableTarget(
            name: "QualificationPipeline",
            dependencies: [
                .product(name: "Ingest", package: "relmodel"),
                .product(name: "Lifetime", package: "relmodel"),
                .product(name: "Qualification", package: "relmodel"),
                .product(name: "SPC", package: "relmodel"),
                .product(name: "RelmodelJSON", package: "relmodel"),
            ]
        ),
    ]
)
