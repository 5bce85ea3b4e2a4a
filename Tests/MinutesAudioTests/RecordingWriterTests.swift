import Foundation
import MinutesAudio
import MinutesCore
import Testing

struct RecordingWriterTests {
    private static let started = Date(timeIntervalSince1970: 1_760_000_000)

    @Test func anUnclosedRecordingIsValidOnDiskAndRecovered() throws {
        // Given a recorder that has taken 2.5 s of audio and was never closed (the process died)
        let directory = try TemporaryDirectory()
        let samples = Signal.whiteNoise(count: 40_000, seed: 21).map { $0 * 0.8 }
        var writer: RecordingWriter? = try RecordingWriter(
            directory: directory.path,
            name: "meeting",
            sessionID: "ses_1",
            started: Self.started
        )
        for chunk in try AudioChunker.chunks(of: samples) {
            try writer?.append(chunk)
        }

        // When the file is read through another handle, the writer still open
        let reader = try WAVReader(path: directory.file("meeting.wav"))

        // Then its header is valid and every sample is there
        #expect(reader.format.sampleRate == 16_000)
        #expect(reader.format.channelCount == 1)
        #expect(reader.format.frameCount == 40_000)
        let quantized = samples.map { (($0 * 32_768).rounded()) / 32_768 }
        let identical = try reader.readAll() == quantized
        #expect(identical, "the file differs from the appended samples")
        #expect(try RecordingSidecar.read(from: directory.file("meeting.json")).finished == false)

        // And after the writer is gone without closing, recovery finds and repairs it
        writer = nil
        let found = try RecordingRecovery.unfinished(in: directory.path)
        #expect(found.count == 1)
        #expect(found.first?.audioPath == directory.file("meeting.wav"))
        #expect(found.first?.duration == 2.5)
        #expect(found.first?.sidecar.sessionID == "ses_1")
        #expect(found.first?.sidecar.started == Self.started)
        #expect(found.first?.sidecar.sampleRate == 16_000)
        #expect(found.first?.problem == nil)
    }

    @Test func aCleanCloseMarksTheRecordingFinished() throws {
        let directory = try TemporaryDirectory()
        let ended = Self.started.addingTimeInterval(60)
        let writer = try RecordingWriter(
            directory: directory.path,
            name: "done",
            sessionID: "ses_3",
            started: Self.started
        )
        for chunk in try AudioChunker.chunks(of: [Float](repeating: 0.1, count: 4_000)) {
            try writer.append(chunk)
        }

        try writer.close(ended: ended)

        let sidecar = try RecordingSidecar.read(from: writer.sidecarPath)
        #expect(sidecar.finished)
        #expect(sidecar.ended == ended)
        #expect(sidecar.frameCount == 4_000)
        #expect(sidecar.recovered == nil)
        #expect(try RecordingRecovery.unfinished(in: directory.path).isEmpty)
        #expect(try WAVReader(path: writer.audioPath).format.frameCount == 4_000)
        #expect(throws: MinutesError(.invalidInput, "")) {
            try writer.append(AudioChunk(samples: [0], startFrame: 4_000, sampleRate: 16_000))
        }
    }

    @Test func fillsDroppedChunksWithSilence() throws {
        // Given chunks at frames 0, 1 600 and 4 800: the stream dropped the one at 3 200
        let directory = try TemporaryDirectory()
        let writer = try RecordingWriter(directory: directory.path, name: "gaps", sessionID: "ses_4")
        for start in [0, 1_600, 4_800] {
            try writer.append(
                AudioChunk(samples: [Float](repeating: 0.5, count: 1_600), startFrame: Int64(start), sampleRate: 16_000)
            )
        }

        // Then the recording keeps stream time: silence where the dropped chunk was
        #expect(writer.frameCount == 6_400)
        #expect(writer.gapFrames == 1_600)
        let samples = try WAVReader(path: writer.audioPath).readAll()
        #expect(samples[3_199] == 0.5)
        #expect(samples[3_200..<4_800].allSatisfy { $0 == 0 })
        #expect(samples[4_800] == 0.5)
    }

    @Test func rejectsChunksThatDoNotFit() throws {
        let directory = try TemporaryDirectory()
        let writer = try RecordingWriter(directory: directory.path, name: "bad", sessionID: "ses_5")
        try writer.append(AudioChunk(samples: [Float](repeating: 0, count: 100), startFrame: 0, sampleRate: 16_000))
        #expect(throws: MinutesError(.invalidInput, "")) {
            try writer.append(AudioChunk(samples: [0], startFrame: 50, sampleRate: 16_000))
        }
        #expect(throws: MinutesError(.invalidInput, "")) {
            try writer.append(AudioChunk(samples: [0], startFrame: 100, sampleRate: 48_000))
        }
        #expect(throws: MinutesError(.invalidInput, "")) {
            try writer.append(AudioChunk(samples: [0], startFrame: 100 + 61 * 16_000, sampleRate: 16_000))
        }
        #expect(writer.frameCount == 100)
    }

    @Test func syncsEverySecondOfAudioAndOnClose() throws {
        let directory = try TemporaryDirectory()
        let writer = try RecordingWriter(directory: directory.path, name: "sync", sessionID: "ses_6", syncInterval: 1)
        for chunk in try AudioChunker.chunks(of: [Float](repeating: 0, count: 40_000)) {
            try writer.append(chunk)
        }
        #expect(writer.syncCount == 2)
        try writer.close()
        #expect(writer.syncCount == 3)
    }

    @Test func refusesAnUnwritableDirectoryBeforeRecording() throws {
        // A directory below a regular file cannot exist
        let directory = try TemporaryDirectory()
        let file = try directory.write([1], to: "file")
        let nested = #expect(throws: MinutesError.self) {
            try RecordingWriter(directory: file + "/recordings", name: "x", sessionID: "ses_7")
        }
        #expect(nested?.code == .storage)
        #expect(nested?.message.contains(file + "/recordings") == true)

        // An existing directory no one may create files in (not even root)
        let readOnly = #expect(throws: MinutesError.self) {
            try RecordingWriter(directory: "/proc/self", name: "x", sessionID: "ses_7")
        }
        #expect(readOnly?.code == .storage)
        #expect(
            readOnly?.message
                == "cannot record into '/proc/self': it is not writable (set another recordings directory)"
        )
    }

    @Test func refusesToOverwriteOrEscapeTheDirectory() throws {
        let directory = try TemporaryDirectory()
        _ = try RecordingWriter(directory: directory.path, name: "same", sessionID: "ses_8")
        #expect(throws: MinutesError(.conflict, "")) {
            try RecordingWriter(directory: directory.path, name: "same", sessionID: "ses_8")
        }
        #expect(throws: MinutesError(.invalidInput, "")) {
            try RecordingWriter(directory: directory.path, name: "../elsewhere", sessionID: "ses_8")
        }
    }
}
