import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import MinutesCore
import MinutesPipeline
import MinutesServer
import MinutesSpeech
import MinutesStorage
import MinutesSummary
import MinutesTestSupport
import NIOCore
import NIOFoundationCompat
import ServiceLifecycle
import Synchronization
import Testing

/// The service over a fresh in-memory database, the real engines (models from
/// `make models`) and the repository's personas, tested in process through
/// HummingbirdTesting's router client.
struct ServerHarness {
    let storage: StorageBackend
    let archive = InMemoryExportArchive()
    let dependencies: ServerDependencies
    let built: MinutesAPI.Built
    let logs: LogLines

    /// - Parameters:
    ///   - clock: the job queue's and the sessions' wall clock.
    ///   - storage: the database; a fresh in-memory SQLite one when nil.
    init(
        configuration: ServerConfiguration = ServerConfiguration(),
        clock: any WallClock = SystemWallClock(),
        storage: StorageBackend? = nil
    ) throws {
        self.storage = try storage ?? StorageBackend.inMemory(clock: clock)
        let logs = LogLines()
        self.logs = logs
        dependencies = ServerDependencies(
            configuration: configuration,
            storage: self.storage,
            archive: archive,
            retention: RetentionPolicy(days: 30),
            engines: ServerHarness.engines,
            personas: try PersonaLibrary(directories: [ServerHarness.repository + "/Personas"]),
            clock: clock,
            logger: logs.logger
        )
        built = MinutesAPI.router(dependencies: dependencies, openAPI: try OpenAPIDocument.bundled())
    }

    /// One set of engines for every test in the process, as `minutes serve` keeps one.
    static let engines = SharedEngines(
        engines: SpeechEngines(environment: ["MINUTES_MODELS_DIR": TestData.modelsDirectory])
    )

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// Runs `body` against the router, with `services` (job workers) running beside it.
    func test<Value: Sendable>(
        services: [any Service] = [],
        _ body: @Sendable (any TestClientProtocol) async throws -> Value
    ) async throws -> Value {
        try await Application(router: built.router, services: services, logger: logs.logger).test(.router, body)
    }

    /// A worker with short intervals, so tests wait milliseconds for it.
    func worker(leaseSeconds: Double = 30) -> MeetingJobWorker {
        MeetingJobWorker(
            dependencies: dependencies,
            configuration: MeetingJobWorker.Configuration(
                workers: 1,
                leaseSeconds: leaseSeconds,
                heartbeatInterval: .milliseconds(200),
                pollInterval: .milliseconds(50),
                retryBaseSeconds: 0.1
            )
        )
    }
}

/// Every JSON log line the service writes during a test, through the real ``JSONLogHandler``
/// with the request-scope metadata provider that `minutes serve` installs.
final class LogLines: Sendable {
    private let lines = Mutex<[String]>([])

    var logger: Logger {
        Logger(label: "minutes.test") { label in
            var handler = JSONLogHandler(
                label: label,
                level: .debug,
                metadataProvider: RequestScope.metadataProvider
            ) { data in
                self.lines.withLock { $0.append(String(decoding: data, as: UTF8.self)) }
            }
            handler.logLevel = .debug
            return handler
        }
    }

    var all: [String] { lines.withLock { $0 } }

    /// Each line parsed.
    var objects: [[String: Any]] {
        all.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }
}

extension TestClientProtocol {
    /// Sends `object` as JSON, with extra `headers`.
    @discardableResult
    func send(
        _ method: HTTPRequest.Method,
        _ uri: String,
        json object: Any,
        headers: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers = headers
        headers[.contentType] = "application/json"
        let data = try JSONSerialization.data(withJSONObject: object)
        return try await execute(uri: uri, method: method, headers: headers, body: ByteBuffer(data: data))
    }

    /// Sends raw bytes.
    @discardableResult
    func send(
        _ method: HTTPRequest.Method,
        _ uri: String,
        headers: HTTPFields = [:],
        body: Data? = nil
    ) async throws -> TestResponse {
        try await execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(data: $0) })
    }
}

extension TestClientProtocol {
    /// Polls a job's status route (meetings and refines alike) until it is done or failed.
    func waitForJob(_ job: String) async throws -> [String: Any] {
        let deadline = ContinuousClock.now + .seconds(120)
        while ContinuousClock.now < deadline {
            let status = try await send(.get, "/api/meetings/\(job)/status").json
            if ["done", "failed"].contains(status["status"] as? String ?? "") { return status }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("job \(job) did not finish in time")
        return [:]
    }
}

extension TestResponse {
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any]) ?? [:]
    }

    var text: String { String(buffer: body) }

    /// The error code of an error response.
    var errorCode: String? { (json["error"] as? [String: Any])?["code"] as? String }
}

/// Audio the tests send, as a client would.
enum TestAudio {
    /// Synthesized speech as WAV bytes, with half a second of silence around it.
    static func speech(_ text: String, voice: String = "en-us") async throws -> Data {
        let samples = try await EspeakSynthesizer().synthesize(text, voice: voice)
        let silence = [Float](repeating: 0, count: 8_000)
        return try WAVData.encode(silence + samples + silence)
    }

    static func silence(seconds: Double) throws -> Data {
        try WAVData.encode([Float](repeating: 0, count: Int(seconds * 16_000)))
    }

    static var jfk: Data {
        get throws { try Data(contentsOf: URL(fileURLWithPath: TestData.jfk)) }
    }
}
