import Foundation
import Testing

/// Drives a program in a detached tmux session: type, press keys, read the screen.
struct Tmux {
    let session: String

    init(session: String) throws {
        self.session = session
        try #require(
            FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux"),
            "tmux is not installed (make testdata installs it)"
        )
    }

    func start(_ command: String, columns: Int = 100, rows: Int = 30) throws {
        try run(["new-session", "-d", "-s", session, "-x", "\(columns)", "-y", "\(rows)", command], capture: false)
    }

    func type(_ text: String) {
        _ = try? run(["send-keys", "-t", session, "-l", text], capture: false)
    }

    func press(_ key: String) {
        _ = try? run(["send-keys", "-t", session, key], capture: false)
    }

    func screen() -> String {
        (try? run(["capture-pane", "-p", "-t", session])) ?? ""
    }

    /// Polls the screen until it shows `text`.
    func waitFor(_ text: String, seconds: Double) async throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let current = screen()
            if current.contains(text) { return current }
            try await Task.sleep(for: .milliseconds(250))
        }
        Issue.record("the screen never showed '\(text)':\n\(screen())")
        throw CancellationError()
    }

    func kill() {
        _ = try? run(["kill-session", "-t", session], capture: false)
    }

    /// Runs tmux, reading its output when `capture` is set.
    ///
    /// Commands that may start the tmux server must not capture: the server inherits the pipe
    /// and would keep it open forever.
    @discardableResult
    private func run(_ arguments: [String], capture: Bool = true) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/tmux")
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        guard capture else {
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            return ""
        }
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
