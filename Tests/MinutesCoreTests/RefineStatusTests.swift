import Foundation
import MinutesCore
import Testing

/// The status files background refines leave beside their recordings, as the console's `r`
/// and `minutes refine ID --status` read them.
struct RefineStatusTests {
    private func status(_ session: String, updated: TimeInterval, finished: Bool, processID: Int32) -> RefineStatus {
        RefineStatus(
            session: session,
            processID: processID,
            stage: "transcribing",
            started: Date(timeIntervalSince1970: 1_764_000_000),
            updated: Date(timeIntervalSince1970: updated),
            finished: finished,
            outcome: finished ? "3 segments, 1 speaker" : nil
        )
    }

    @Test func everyRefineInADirectoryIsListedNewestFirstAndDamagedFilesAreSkipped() throws {
        // Given a recordings directory with two refines, a damaged status file and a recording
        let directory = NSTemporaryDirectory() + "minutes-refines-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let older = status("ses_00000000000a", updated: 1_764_000_100, finished: true, processID: 1)
        let newer = status("ses_00000000000b", updated: 1_764_000_200, finished: false, processID: getpid())
        older.write(forRecording: directory + "/a.wav")
        newer.write(forRecording: directory + "/b.wav")
        try Data("{not json".utf8).write(to: URL(fileURLWithPath: directory + "/c.refine"))
        try Data().write(to: URL(fileURLWithPath: directory + "/a.wav"))

        // When they are listed
        let listed = RefineStatus.all(inDirectory: directory)

        // Then both refines come back, the most recently updated first, and nothing else
        #expect(listed == [newer, older])
        #expect(listed[0].summary.hasPrefix("Refining session ses_00000000000b: transcribing ("))
        #expect(listed[1].summary == "Session ses_00000000000a is refined: 3 segments, 1 speaker.")
        // and a directory that does not exist has none
        #expect(RefineStatus.all(inDirectory: directory + "/missing").isEmpty)
    }

    @Test func aRefineWhoseProcessDiedSaysSoAndHowToRunItAgain() {
        // Given an unfinished refine whose process is no longer there (pid numbers stop below 2^22)
        let abandoned = status("ses_00000000000c", updated: 1_764_000_300, finished: false, processID: 99_999_999)

        // Then its line says the live version is intact and how to refine again
        #expect(abandoned.summary.contains("its process is gone"))
        #expect(abandoned.summary.contains("`minutes refine ses_00000000000c` again"))
    }
}
