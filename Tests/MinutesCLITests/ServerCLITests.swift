import Foundation
import MinutesCore
import MinutesTestSupport
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `minutes smoke` and `minutes serve` through the built binary.
@Suite(.hangGuard)
struct ServerCLITests {
    @Test func smokeWalksTheSessionFlowAndLeavesNoExportBehind() async throws {
        let cli = try CLIRunner()
        cli.environment["MINUTES_MODELS_DIR"] = TestData.modelsDirectory
        cli.environment["MINUTES_PERSONAS_DIR"] = CLIRunner.repository + "/Personas"

        let smoke = try await cli.run("smoke", "--api-key", "k3y", "--storage-dir", cli.path("smoke"))

        #expect(smoke.status == 0, "\(smoke.stderr)")
        for step in ["/sessions/append", "/speakers", "/summary", "/export?format=md", "/export/store", "/exports/"] {
            #expect(smoke.stdout.contains(step), "\(step)")
        }
        #expect(smoke.stdout.contains("Smoke test passed."))
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.path("smoke")).isEmpty)
    }

    @Test func serveRefusesANetworkAddressWithoutAKey() async throws {
        let cli = try CLIRunner()
        let refused = try await cli.run("serve", "--host", "0.0.0.0", "--port", "1")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("refusing to listen on 0.0.0.0 without an API key"), "\(refused.stderr)")
        #expect(refused.stderr.contains("--allow-unauthenticated"))
    }

    @Test func serveAnswersUntilSIGTERMThenShutsDownCleanly() async throws {
        let cli = try CLIRunner()
        let port = Int.random(in: 20_000...40_000)
        let process = Process()
        process.executableURL = try CLIRunner.binary()
        process.arguments = ["serve", "--port", String(port)]
        process.environment = cli.environment.merging(["MINUTES_WORKERS": "1"]) { $1 }
        let errors = Pipe()
        process.standardError = errors
        try process.run()

        // Waits as long as a loaded machine may need to start it; a healthy start ends the wait.
        var health: Int?
        let deadline = ContinuousClock.now + .seconds(120)
        while health == nil, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(100))
            let url = URL(string: "http://127.0.0.1:\(port)/health")!
            if let (_, response) = try? await URLSession.shared.data(from: url) {
                health = (response as? HTTPURLResponse)?.statusCode
            }
        }
        #expect(health == 200)

        process.terminate()
        let status = try await BlockingWork.run {
            process.waitUntilExit()
            return process.terminationStatus
        }
        #expect(status == 0)
        let log = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let lines = log.split(separator: "\n")
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) != nil })
        #expect(log.contains("\"http.route\":\"/health\""))
    }
}
