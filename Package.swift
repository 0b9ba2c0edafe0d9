// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "allocate",
    products: [
        // MARK: Public API
        .library(name: "Allocator", targets: ["Allocator"]),
        .executable(name: "allocate", targets: ["allocate"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // MARK: Implementation
        /// GLPK's header plus the few lines of C that Swift cannot write
        /// (setjmp/longjmp around GLPK's error hook). Links `libglpk` by name:
        /// Debian's libglpk-dev ships no pkg-config file.
        .target(
            name: "GLPKShim",
            linkerSettings: [.linkedLibrary("glpk")]
        ),
        .target(
            name: "Allocator",
            dependencies: ["GLPKShim"]
        ),
        .executableTarget(
            name: "allocate",
            dependencies: [
                "Allocator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: Tests
        .testTarget(
            name: "AllocatorTests",
            dependencies: ["Allocator", "GLPKShim"]
        ),
        /// Runs the built `allocate` binary on scenarios/ and checks output and exit codes.
        .testTarget(
            name: "allocateTests",
            dependencies: ["Allocator", "allocate"]
        ),
    ]
)
