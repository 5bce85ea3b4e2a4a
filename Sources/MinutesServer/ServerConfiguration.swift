import Foundation
import MinutesCore

/// How `minutes serve` listens and guards its edge, read from the environment.
///
/// | variable | default |
/// |---|---|
/// | `MINUTES_HOST` | `127.0.0.1` |
/// | `MINUTES_PORT` | `8000` |
/// | `MINUTES_API_KEY` | none: no key needed (then only a loopback address is listened on) |
/// | `MINUTES_ALLOW_UNAUTHENTICATED` | off: `1` listens on a network address with no key (``NetworkExposure``) |
/// | `MINUTES_REQUEST_ID_HEADER` | `x-request-id` |
/// | `MINUTES_ALLOWED_ORIGINS` | `*` |
/// | `MINUTES_MAX_REQUESTS_PER_MINUTE` | none: no limit |
/// | `MINUTES_WORKERS` | `1` |
/// | `MINUTES_MAX_BODY_BYTES` | `26214400` (25 MiB) |
/// | `MINUTES_JOB_LEASE_SECONDS` | `60` |
public struct ServerConfiguration: Sendable, Equatable {
    public var host: String
    public var port: Int
    /// The key clients send in `x-api-key`; nil leaves the API open (loopback use).
    public var apiKey: String?
    /// Listen on a non-loopback address without a key (``NetworkExposure``).
    public var allowsUnauthenticated: Bool
    public var requestIDHeader: String
    /// Origins allowed by CORS; `["*"]` allows any.
    public var allowedOrigins: [String]
    public var maxRequestsPerMinute: Int?
    /// Background job workers in this process.
    public var workers: Int
    /// The largest request body accepted (413 beyond).
    ///
    /// Audio travels base64-encoded in JSON, a
    /// third larger than the file: 25 MiB carries about 9 minutes of 16 kHz 16-bit WAV; longer
    /// meetings are uploaded as multipart/form-data under the same limit.
    public var maxBodyBytes: Int
    /// How long a worker's claim on a job lasts without a heartbeat: after a crash, the job
    /// runs again this long after the last heartbeat.
    public var jobLeaseSeconds: Int
    /// Where the server looks for a session's recording to refine (its sidecar names the
    /// session) when the request does not send it; nil: only sent recordings are refined.
    public var recordingsDirectory: String?

    /// 25 MiB.
    public static let defaultMaxBodyBytes = 25 * 1_024 * 1_024

    public init(
        host: String = "127.0.0.1",
        port: Int = 8000,
        apiKey: String? = nil,
        allowsUnauthenticated: Bool = false,
        requestIDHeader: String = "x-request-id",
        allowedOrigins: [String] = ["*"],
        maxRequestsPerMinute: Int? = nil,
        workers: Int = 1,
        maxBodyBytes: Int = ServerConfiguration.defaultMaxBodyBytes,
        jobLeaseSeconds: Int = 60,
        recordingsDirectory: String? = nil
    ) {
        self.host = host
        self.port = port
        self.apiKey = apiKey
        self.allowsUnauthenticated = allowsUnauthenticated
        self.requestIDHeader = requestIDHeader
        self.allowedOrigins = allowedOrigins
        self.maxRequestsPerMinute = maxRequestsPerMinute
        self.workers = workers
        self.maxBodyBytes = maxBodyBytes
        self.jobLeaseSeconds = jobLeaseSeconds
        self.recordingsDirectory = recordingsDirectory
    }

    /// - Throws: `.invalidInput` naming the variable for a port, limit, worker count, body size
    ///   or lease that is not a positive number.
    public init(environment: [String: String]) throws {
        func value(_ name: String) -> String? {
            environment[name].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        }
        func positive(_ name: String, range: ClosedRange<Int> = 1...Int.max) throws -> Int? {
            guard let text = value(name) else { return nil }
            guard let number = Int(text), range.contains(number) else {
                throw MinutesError(.invalidInput, "\(name) must be a whole number in \(range), not '\(text)'")
            }
            return number
        }
        self.init(
            host: value("MINUTES_HOST") ?? "127.0.0.1",
            port: try positive("MINUTES_PORT", range: 1...65_535) ?? 8000,
            apiKey: value("MINUTES_API_KEY"),
            allowsUnauthenticated: ["1", "true", "yes"].contains(
                value("MINUTES_ALLOW_UNAUTHENTICATED")?.lowercased() ?? ""
            ),
            requestIDHeader: value("MINUTES_REQUEST_ID_HEADER")?.lowercased() ?? "x-request-id",
            allowedOrigins: value("MINUTES_ALLOWED_ORIGINS").map {
                $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            } ?? ["*"],
            maxRequestsPerMinute: try positive("MINUTES_MAX_REQUESTS_PER_MINUTE"),
            workers: try positive("MINUTES_WORKERS", range: 0...64) ?? 1,
            maxBodyBytes: try positive("MINUTES_MAX_BODY_BYTES") ?? Self.defaultMaxBodyBytes,
            jobLeaseSeconds: try positive("MINUTES_JOB_LEASE_SECONDS", range: 2...86_400) ?? 60
        )
    }
}

extension ServerConfiguration {
    /// The job workers `minutes serve` runs: `workers` of them, holding leases of
    /// `jobLeaseSeconds` renewed at least three times per lease (every 10 s at most).
    public var workerConfiguration: MeetingJobWorker.Configuration {
        MeetingJobWorker.Configuration(
            workers: workers,
            leaseSeconds: Double(jobLeaseSeconds),
            heartbeatInterval: .milliseconds(min(10_000, jobLeaseSeconds * 1_000 / 3))
        )
    }
}
