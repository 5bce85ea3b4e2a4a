import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MinutesCore
import MinutesPipeline
import MinutesStorage
import MinutesTestSupport
import Testing

@testable import MinutesServer

/// Recorded meetings: enrollment, uploads answered at once with 202, background processing
/// by the job worker, status, results, failures and re-runs after a worker died.
@Suite(.hangGuard)
struct MeetingRouteTests {
    private static let conversation = [
        ("Good morning. Today we review the launch plan and the budget for the next quarter.", "en-us"),
        ("Thanks. I will update the budget spreadsheet and send it to everyone by Friday.", "en-gb+m3"),
    ]

    private static func meetingAudio() async throws -> Data {
        var samples: [Float] = []
        for (text, voice) in conversation {
            samples += try WAVData.samples(from: try await TestAudio.speech(text, voice: voice))
        }
        return try WAVData.encode(samples)
    }

    @Test func anUploadIsQueuedThenProcessedIntoResults() async throws {
        let harness = try ServerHarness()
        let audio = try await Self.meetingAudio()
        try await harness.test(services: [harness.worker()]) { client in
            let queued = try await client.send(
                .post,
                "/api/meetings/process",
                json: ["content": audio.base64EncodedString(), "title": "Launch review", "speakers": 2]
            )
            #expect(queued.status == .accepted, "\(queued.text)")
            let meeting = try #require(queued.json["meeting_id"] as? String)
            #expect(queued.headers[.location] == "/api/meetings/\(meeting)/status")
            #expect(queued.json["status"] as? String == "queued")

            let status = try await client.waitForJob(meeting)
            #expect(status["status"] as? String == "done", "\(status)")
            #expect(status["progress"] as? Double == 1)

            let results = try await client.send(.get, "/api/meetings/\(meeting)/results")
            #expect(results.status == .ok, "\(results.text)")
            #expect(results.json["title"] as? String == "Launch review")
            let transcript = try #require(results.json["transcript"] as? [[String: Any]])
            let text = transcript.compactMap { $0["text"] as? String }.joined(separator: " ").lowercased()
            #expect(text.contains("budget"))
            #expect(transcript.allSatisfy { ($0["speaker"] as? String)?.hasPrefix("Speaker") == true })
            let stages = (results.json["timings"] as? [[String: Any]])?.compactMap { $0["stage"] as? String }
            #expect(stages == ["normalize", "diarize", "match", "transcribe", "summarize"])
            #expect((results.json["speakers"] as? [Any])?.isEmpty == false)
            #expect(results.json["action_items"] is [Any])
        }
        let timed = harness.logs.objects.filter { $0["message"] as? String == "meeting stage timed" }
        #expect(timed.count == 5)
        #expect(!harness.logs.all.joined().lowercased().contains("spreadsheet"))
    }

    @Test func multipartUploadsAreAcceptedAndBadOnesStoreNothing() async throws {
        let harness = try ServerHarness()
        let audio = try await TestAudio.speech("A short meeting about nothing in particular.")
        try await harness.test { client in
            var form = MultipartBody()
            form.field("title", "Form upload")
            form.file("audio", name: "meeting.wav", data: audio)
            let queued = try await client.send(.post, "/api/meetings/process", headers: form.headers, body: form.data)
            #expect(queued.status == .accepted, "\(queued.text)")

            let notAudio = try await client.send(
                .post,
                "/api/meetings/process",
                json: ["content": Data("plain text".utf8).base64EncodedString()]
            )
            #expect(notAudio.errorCode == "not_audio")
            let tooShort = try await client.send(
                .post,
                "/api/meetings/process",
                json: ["content": try TestAudio.silence(seconds: 0.2).base64EncodedString()]
            )
            #expect(tooShort.status == .unprocessableContent)
            var noFile = MultipartBody()
            noFile.field("title", "No file")
            let missing = try await client.send(
                .post,
                "/api/meetings/process",
                headers: noFile.headers,
                body: noFile.data
            )
            #expect(missing.errorCode == "missing_field")
        }
        #expect(try await harness.storage.jobs.depth() == 1)
    }

    @Test func enrollingTakesJSONOrMultipartAndRefusesDuplicates() async throws {
        let harness = try ServerHarness()
        let voice = try await TestAudio.speech(
            "I usually talk about budgets, schedules and the roadmap for the next quarter in our weekly meetings.",
            voice: "en-us+f3"
        )
        try await harness.test { client in
            let enrolled = try await client.send(
                .post,
                "/api/speakers/enroll",
                json: ["name": "Ada", "content": voice.base64EncodedString()]
            )
            #expect(enrolled.status == .created, "\(enrolled.text)")
            #expect(enrolled.json["voice_prints"] as? Int == 1)
            #expect((enrolled.json["profile_id"] as? String)?.hasPrefix("prf_") == true)

            let again = try await client.send(
                .post,
                "/api/speakers/enroll",
                json: ["name": "ada", "content": voice.base64EncodedString()]
            )
            #expect(again.status == .conflict)

            var form = MultipartBody()
            form.field("name", "Ada")
            form.field("replace", "true")
            form.file("audio", name: "ada.wav", data: voice)
            let replaced = try await client.send(.post, "/api/speakers/enroll", headers: form.headers, body: form.data)
            #expect(replaced.status == .created, "\(replaced.text)")

            let short = try await client.send(
                .post,
                "/api/speakers/enroll",
                json: ["name": "Bo", "content": try await TestAudio.speech("Hi.").base64EncodedString()]
            )
            #expect(short.status == .unprocessableContent && short.text.contains("5 s"))
        }
        #expect(try await harness.dependencies.orchestrator.profiles().map(\.name) == ["Ada"])
    }

    @Test func aJobThatCannotSucceedFailsForGoodWithItsReason() async throws {
        let harness = try ServerHarness()
        let job = try await Self.enqueue(in: harness, attachment: Data("this is not audio".utf8))
        try await harness.test(services: [harness.worker()]) { client in
            let status = try await client.waitForJob(job.rawValue)
            #expect(status["status"] as? String == "failed")
            #expect((status["reason"] as? String)?.contains("not an audio file") == true)
            #expect(status["attempts"] as? Int == 1)
            let results = try await client.send(.get, "/api/meetings/\(job)/results")
            #expect(results.status == .conflict && results.errorCode == "meeting_failed")
            #expect(results.text.contains("not an audio file"))
        }
        #expect(try await harness.storage.jobs.attachment(of: job) == nil)
    }

    @Test func aJobWhoseWorkerDiedRunsAgainWithoutDuplicatingItsSession() async throws {
        let clock = FixedWallClock()
        let harness = try ServerHarness(clock: clock)
        let job = try await Self.enqueue(
            in: harness,
            attachment: try await TestAudio.speech("We agreed to ship on Monday.")
        )
        // A worker claims the job, stores part of the meeting and dies.
        let claimed = try await harness.storage.jobs.claim(kinds: [MeetingJob.kind], worker: "dead", leaseSeconds: 30)
        #expect(claimed?.id == job)
        let partial = MeetingJob.sessionID(of: job)
        _ = try await harness.dependencies.orchestrator.createSession(title: "partial", id: partial)
        clock.advance(seconds: 31)

        try await harness.test(services: [harness.worker()]) { client in
            let status = try await client.waitForJob(job.rawValue)
            #expect(status["status"] as? String == "done", "\(status)")
            #expect(status["attempts"] as? Int == 2)
        }
        let sessions = try await harness.dependencies.orchestrator.sessions()
        #expect(sessions.map(\.id) == [partial])
        #expect(sessions.first?.title == "Re-run")
        #expect(!(try await harness.dependencies.orchestrator.timeline(partial)).isEmpty)
    }

    @Test func statusOfUnknownMeetingsIs404() async throws {
        let harness = try ServerHarness()
        try await harness.test { client in
            let status = try await client.send(.get, "/api/meetings/job_0000000000aa/status")
            let results = try await client.send(.get, "/api/meetings/job_0000000000aa/results")
            #expect(status.status == .notFound && results.status == .notFound)
        }
    }

    private static func enqueue(in harness: ServerHarness, attachment: Data) async throws -> JobID {
        let now = harness.dependencies.clock.now()
        let job = Job(
            id: .random(),
            kind: MeetingJob.kind,
            payload: try MeetingJob.encode(MeetingJob.Payload(title: "Re-run", language: "en", speakerCount: nil)),
            runAfter: now,
            createdAt: now,
            updatedAt: now
        )
        try await harness.storage.jobs.enqueue(job, attachment: attachment)
        return job.id
    }
}

/// A multipart/form-data body as a browser or `curl -F` builds it.
struct MultipartBody {
    private let boundary = "minutes-test-boundary-7d1f"
    private var parts: [Data] = []

    var headers: HTTPFields {
        [.contentType: "multipart/form-data; boundary=\(boundary)"]
    }

    var data: Data {
        parts.reduce(Data(), +) + Data("--\(boundary)--\r\n".utf8)
    }

    mutating func field(_ name: String, _ value: String) {
        parts.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
    }

    mutating func file(_ name: String, name fileName: String, data contents: Data) {
        let head =
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(fileName)\"\r\n"
            + "Content-Type: audio/wav\r\n\r\n"
        parts.append(Data(head.utf8) + contents + Data("\r\n".utf8))
    }
}
