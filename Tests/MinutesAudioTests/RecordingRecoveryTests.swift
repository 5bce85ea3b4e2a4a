import Foundation
import MinutesAudio
import MinutesCore
import Testing

struct RecordingRecoveryTests {
    private static let started = Date(timeIntervalSince1970: 1_760_000_000)

    @Test func recoveryRepairsAnAppendTornByACrash() throws {
        // Given a recording whose last append wrote samples but died before the header update
        let directory = try TemporaryDirectory()
        let writer = try RecordingWriter(directory: directory.path, name: "torn", sessionID: "ses_2")
        for chunk in try AudioChunker.chunks(of: [Float](repeating: 0.5, count: 16_000)) {
            try writer.append(chunk)
        }
        let handle = try #require(FileHandle(forWritingAtPath: writer.audioPath))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(repeating: 0x10, count: 1_001))
        try handle.close()

        // When recovery runs
        let found = try RecordingRecovery.unfinished(in: directory.path)

        // Then the header counts the 500 whole frames the crash left, and the partial one is cut
        #expect(found.map(\.duration) == [16_500.0 / 16_000])
        let reader = try WAVReader(path: writer.audioPath)
        #expect(reader.format.frameCount == 16_500)
        #expect(try reader.readAll().count == 16_500)
    }

    @Test func recoveryReportsMissingAudioAndForgetsFinishedRecordings() throws {
        // Given one unfinished recording and one sidecar whose audio is gone
        let directory = try TemporaryDirectory()
        let kept = try RecordingWriter(
            directory: directory.path,
            name: "a",
            sessionID: "ses_9",
            started: Self.started
        )
        try kept.append(AudioChunk(samples: [Float](repeating: 0.2, count: 8_000), startFrame: 0, sampleRate: 16_000))
        let lost = try RecordingWriter(
            directory: directory.path,
            name: "b",
            sessionID: "ses_10",
            started: Self.started.addingTimeInterval(1)
        )
        try FileManager.default.removeItem(atPath: lost.audioPath)

        // When recovery lists them
        let found = try RecordingRecovery.unfinished(in: directory.path)

        // Then both are reported, oldest first, the lost one with its problem
        #expect(found.map(\.sidecar.sessionID) == ["ses_9", "ses_10"])
        #expect(found.map(\.duration) == [0.5, 0])
        #expect(found.last?.problem?.code == .notFound)

        // And once marked finished, a recording is no longer offered
        try RecordingRecovery.markFinished(found[0], at: Self.started)
        let sidecar = try RecordingSidecar.read(from: kept.sidecarPath)
        #expect(sidecar.finished)
        #expect(sidecar.recovered == true)
        #expect(sidecar.frameCount == 8_000)
        #expect(try RecordingRecovery.unfinished(in: directory.path).map(\.sidecar.sessionID) == ["ses_10"])
        #expect(try RecordingRecovery.unfinished(in: directory.file("nothing-here")).isEmpty)
    }
}
