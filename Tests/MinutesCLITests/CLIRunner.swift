import Foundation
import MinutesCore
import Testing

/// Runs the built `minutes` binary in a temporary home, with its own database and export
/// directory, the way a person would from a shell.
final class CLIRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    let directory: String
    var environment: [String: String]

    init() throws {
        directory = NSTemporaryDirectory() + "minutes-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        environment = [
            "HOME": directory,
            "PATH": "/usr/bin:/bin",
            "MINUTES_DATABASE_URL": "sqlite://\(directory)/minutes.sqlite",
            "MINUTES_STORAGE_DIR": "\(directory)/exports",
            // A console session would otherwise start a refine in the background that outlives
            // the command under test; the tests that want it set it back.
            "MINUTES_REFINE": "0",
        ]
    }

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }

    func path(_ name: String) -> String { directory + "/" + name }

    /// Runs `minutes` with `arguments` and waits for it, on a Dispatch thread: a test blocked
    /// in `waitUntilExit` on the concurrency pool (two threads here) starves every other test.
    func run(_ arguments: String...) async throws -> Result {
        try await run(arguments: arguments)
    }

    /// Runs `program` (default: the built `minutes`) in the runner's directory.
    func run(
        arguments: [String],
        environment: [String: String]? = nil,
        program: URL? = nil
    ) async throws -> Result {
        let binary = try program ?? Self.binary()
        let environment = environment ?? self.environment
        let directory = self.directory
        return try await BlockingWork.run {
            try Self.execute(binary: binary, arguments: arguments, environment: environment, directory: directory)
        }
    }

    private static func execute(
        binary: URL,
        arguments: [String],
        environment: [String: String],
        directory: String
    ) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self)
        )
    }

    /// The repository root, for files the binary reads from it (personas, themes).
    static var repository: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }

    /// The `minutes` executable next to the test bundle (SwiftPM builds it because this test
    /// target depends on it), or `MINUTES_BINARY` when set.
    static func binary() throws -> URL {
        if let explicit = ProcessInfo.processInfo.environment["MINUTES_BINARY"] {
            return URL(fileURLWithPath: explicit)
        }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("minutes")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        let fromSource = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/debug/minutes")
        return try #require(
            FileManager.default.isExecutableFile(atPath: fromSource.path) ? fromSource : nil,
            "the minutes binary was not found; build it or set MINUTES_BINARY"
        )
    }
}
