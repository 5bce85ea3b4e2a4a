import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Drives a program in a detached tmux session: type, press keys, read the screen.
///
/// tmux is run with `posix_spawn` and `waitpid` rather than `Process`: the tmux client that
/// starts the server forks a daemon, and Foundation's `Process` did not always notice the
/// client's exit under load, leaving a zombie and a test waiting forever.
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
        _ = run(["new-session", "-d", "-s", session, "-x", "\(columns)", "-y", "\(rows)", command])
    }

    func type(_ text: String) {
        _ = run(["send-keys", "-t", session, "-l", text])
    }

    func press(_ key: String) {
        _ = run(["send-keys", "-t", session, key])
    }

    func screen() -> String {
        run(["capture-pane", "-p", "-t", session])
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

    /// Presses a shortcut key until the screen shows `text`.
    ///
    /// A "who is this?" prompt for a further voice may open at any moment and would take the
    /// key as part of a name, so any open prompt is skipped with Esc and the key is sent
    /// again, as a person would.
    func command(_ key: String, until text: String, seconds: Double) async throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if screen().contains("Who is this?") {
                press("Escape")
                try await Task.sleep(for: .milliseconds(300))
                continue
            }
            type(key)
            let attemptEnd = min(deadline, Date().addingTimeInterval(8))
            while Date() < attemptEnd {
                let current = screen()
                if current.contains(text) { return current }
                if current.contains("Who is this?") { break }
                try await Task.sleep(for: .milliseconds(250))
            }
        }
        Issue.record("'\(key)' never led to '\(text)':\n\(screen())")
        throw CancellationError()
    }

    func kill() {
        _ = run(["kill-session", "-t", session])
    }

    /// Runs tmux with its output in a temporary file (a pipe would stay open in the server it
    /// may start) and returns that output.
    private func run(_ arguments: [String]) -> String {
        let outputPath = NSTemporaryDirectory() + "tmux-\(UUID().uuidString).out"
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = (["/usr/bin/tmux"] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, "/usr/bin/tmux", &actions, nil, argv, environ) == 0 else { return "" }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    }
}
