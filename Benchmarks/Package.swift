// swift-tools-version:6.1
import PackageDescription

/// The benchmark suite of `allocate`: a package of its own, so that the benchmark
/// library and its dependencies never slow down or change the main package's build.
/// Run from this directory: `swift package benchmark` (see README.md).
let package = Package(
    name: "allocate-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "allocate", path: ".."),
        // Only the malloc-counting trait: the default `RuntimeInterposer` trait would
        // fetch swift-runtime-interposer, which the local package mirror lacks.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // MARK: Benchmarks
        /// Read + validate, model build, greedy start and solve, at 1k, 12k and 200k projects.
        .executableTarget(
            name: "AllocatorBenchmarks",
            dependencies: [
                .product(name: "Allocator", package: "allocate"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/AllocatorBenchmarks",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark"),
            ]
        ),
    ]
)
