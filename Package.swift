// swift-tools-version:6.1
import PackageDescription

/// One settings loop for every target, as swift-log does: Swift 6 mode with the upcoming
/// features that keep imports and existentials explicit.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Minutes",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "minutes", targets: ["minutes"]),
        .library(name: "MinutesCore", targets: ["MinutesCore"]),
        .library(name: "MinutesStorage", targets: ["MinutesStorage"]),
        .library(name: "MinutesAudio", targets: ["MinutesAudio"]),
        .library(name: "MinutesSpeech", targets: ["MinutesSpeech"]),
        .library(name: "MinutesSpeakers", targets: ["MinutesSpeakers"]),
        .library(name: "MinutesSummary", targets: ["MinutesSummary"]),
        .library(name: "MinutesTestSupport", targets: ["MinutesTestSupport"]),
        .library(name: "MinutesConsole", targets: ["MinutesConsole"]),
        .library(name: "MinutesPipeline", targets: ["MinutesPipeline"]),
        .library(name: "MinutesServer", targets: ["MinutesServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .target(
            name: "MinutesCore",
            dependencies: [.product(name: "Logging", package: "swift-log")]
        ),
        .target(
            name: "MinutesStorage",
            dependencies: [
                "MinutesCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "MinutesAudio",
            dependencies: ["MinutesCore", "CALSA", "CMalloc", "CFFmpeg"]
        ),
        .systemLibrary(name: "CWhisper", pkgConfig: "whisper"),
        .systemLibrary(name: "CSherpaOnnx", pkgConfig: "sherpa-onnx"),
        // ONNX Runtime arrives with sherpa-onnx, whose pkg-config file links it.
        .systemLibrary(name: "COnnxRuntime", pkgConfig: "sherpa-onnx"),
        .systemLibrary(name: "CEspeakNG", pkgConfig: "espeak-ng", providers: [.apt(["libespeak-ng-dev"])]),
        .systemLibrary(name: "CFlite", providers: [.apt(["flite1-dev"])]),
        .systemLibrary(name: "CALSA", pkgConfig: "alsa", providers: [.apt(["libasound2-dev"])]),
        .systemLibrary(name: "CMalloc"),
        .systemLibrary(
            name: "CFFmpeg",
            providers: [.apt(["libavformat-dev", "libavcodec-dev", "libswresample-dev", "libavutil-dev"])]
        ),
        .systemLibrary(name: "CNcurses", providers: [.apt(["libncurses-dev"])]),
        .target(
            name: "MinutesSpeech",
            dependencies: [
                "MinutesCore", "MinutesAudio", "CWhisper", "CEspeakNG", "CFlite",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "MinutesSpeakers",
            dependencies: [
                "MinutesCore", "CSherpaOnnx", "COnnxRuntime", .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "MinutesSummary",
            dependencies: ["MinutesCore", .product(name: "Logging", package: "swift-log")]
        ),
        .target(
            name: "MinutesTestSupport",
            dependencies: ["MinutesCore"]
        ),
        .target(
            name: "MinutesConsole",
            dependencies: [
                "MinutesCore", "MinutesAudio", "MinutesSpeech", "MinutesSpeakers", "MinutesSummary", "CNcurses",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "MinutesPipeline",
            dependencies: [
                "MinutesCore", "MinutesStorage", "MinutesAudio", "MinutesSpeech", "MinutesSpeakers", "MinutesSummary",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "MinutesServer",
            dependencies: [
                "MinutesCore", "MinutesStorage", "MinutesAudio", "MinutesSpeech", "MinutesSpeakers", "MinutesSummary",
                "MinutesPipeline",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [.copy("openapi.yaml")]
        ),
        .executableTarget(
            name: "minutes",
            dependencies: [
                "MinutesCore",
                "MinutesStorage",
                "MinutesAudio",
                "MinutesSpeech",
                "MinutesSpeakers",
                "MinutesSummary",
                "MinutesConsole",
                "MinutesPipeline",
                "MinutesServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "MinutesCoreTests",
            dependencies: ["MinutesCore", "MinutesStorage", "MinutesTestSupport"],
            resources: [.copy("Golden")]
        ),
        .testTarget(
            name: "MinutesStorageTests",
            dependencies: [
                "MinutesCore", "MinutesStorage", "MinutesTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "MinutesSpeechTests",
            dependencies: ["MinutesCore", "MinutesAudio", "MinutesSpeech", "MinutesSpeakers", "MinutesTestSupport"]
        ),
        .testTarget(
            name: "MinutesSpeakersTests",
            dependencies: ["MinutesCore", "MinutesAudio", "MinutesSpeech", "MinutesSpeakers", "MinutesTestSupport"]
        ),
        .testTarget(
            name: "MinutesAudioTests",
            dependencies: ["MinutesCore", "MinutesAudio", "MinutesTestSupport"]
        ),
        .testTarget(
            name: "MinutesSummaryTests",
            dependencies: ["MinutesCore", "MinutesSummary", "MinutesTestSupport"],
            resources: [.copy("Transcripts")]
        ),
        .testTarget(
            name: "MinutesCLITests",
            dependencies: ["minutes", "MinutesCore", "MinutesStorage", "MinutesAudio", "MinutesTestSupport"]
        ),
        .testTarget(
            name: "MinutesConsoleTests",
            dependencies: ["MinutesCore", "MinutesConsole", "MinutesTestSupport", "MinutesPipeline"]
        ),
        .testTarget(
            name: "MinutesServerTests",
            dependencies: [
                "MinutesCore", "MinutesStorage", "MinutesServer", "MinutesTestSupport", "MinutesPipeline",
                "MinutesSpeech", "MinutesSummary",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
    ]
)

for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + strictSettings
}
