// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "nianbao",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "nianbao", targets: ["nianbao"]),
        .library(name: "Pipeline", targets: ["Pipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // System libraries (module maps + pkg-config); see docs in each shim.h.
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),

        // Shared types: Document, ReportRecord, Capture, FormatSchema, hashing, JSON.
        .target(name: "NianbaoCore", dependencies: ["CCrypto"], resources: [.copy("Resources")]),
        // Stage 2: bytes -> Document (HTML via libxml2, PDF via pdftotext, .docx via ZIPFoundation).
        .target(name: "Extraction", dependencies: [
            "NianbaoCore", "CLibXML2",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            .product(name: "Subprocess", package: "swift-subprocess"),
        ]),
        // Stage 3: Document -> canonical Document.
        .target(name: "Normalization", dependencies: ["NianbaoCore"]),
        // Stage 4: canonical Document -> ReportRecord (+ findings).
        .target(name: "Parsing", dependencies: ["NianbaoCore"]),
        // Stage 5: raw store, captures log, records, index.sqlite, exports.
        .target(name: "Archiving", dependencies: [
            "NianbaoCore",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // Stage 1: URL + policy -> Capture (libcurl multi, robots, politeness).
        .target(name: "Fetching", dependencies: [
            "NianbaoCore", "CCurl",
            .product(name: "Logging", package: "swift-log"),
        ]),
        // Site config, discovery of report links, the crawl loop.
        .target(name: "Crawling", dependencies: [
            "NianbaoCore", "Fetching", "Extraction", "CLibXML2",
            .product(name: "Yams", package: "Yams"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // Wiring of the stages: process one capture; rebuild; crawl/fetch drivers.
        .target(name: "Pipeline", dependencies: [
            "NianbaoCore", "Extraction", "Normalization", "Parsing", "Archiving", "Fetching", "Crawling",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "nianbao", dependencies: [
            "Pipeline", "NianbaoCore", "Extraction", "Normalization", "Parsing", "Archiving", "Fetching", "Crawling",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // Benchmarks (release build): `swift run -c release nianbao-bench <what>`.
        .executableTarget(name: "NianbaoBench", dependencies: [
            "Pipeline", "NianbaoCore", "Extraction", "Normalization", "Parsing", "Archiving", "Fetching", "Crawling", "TestSupport",
        ], path: "Sources/NianbaoBench"),
        // Loopback HTTP server and fixture portals shared by tests and benchmarks.
        .target(name: "TestSupport", dependencies: [
            "NianbaoCore",
            .product(name: "FlyingFox", package: "FlyingFox"),
        ]),

        .testTarget(name: "NianbaoCoreTests", dependencies: ["NianbaoCore"]),
        .testTarget(name: "ParsingTests", dependencies: ["Parsing", "Normalization", "NianbaoCore", "TestSupport"]),
        .testTarget(name: "ExtractionTests", dependencies: ["Extraction", "Normalization", "Parsing", "NianbaoCore", "TestSupport"]),
        .testTarget(name: "ArchivingTests", dependencies: ["Archiving", "Pipeline", "NianbaoCore", "TestSupport"]),
        .testTarget(name: "FetchingTests", dependencies: ["Fetching", "Crawling", "Pipeline", "Archiving", "NianbaoCore", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["nianbao", "NianbaoCore", "TestSupport"]),
    ]
)
