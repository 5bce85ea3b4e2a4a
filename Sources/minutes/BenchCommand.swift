import ArgumentParser
import Foundation
import MinutesAudio
import MinutesCore
import MinutesPipeline
import MinutesSpeakers
import MinutesSpeech

/// `minutes bench …`: speed and memory, printed as ratios and percentiles.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmarks: real-time factor, load time, peak memory, search latency.",
        subcommands: [Transcribe.self, Diarize.self, BenchLiveCommand.self, BenchSearchCommand.self]
    )

    /// `minutes bench transcribe FILE… [--model NAME] [--runs N]`.
    struct Transcribe: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Real-time factor of transcription: whole file (as whisper-cli does) and voice-gated."
        )

        @Argument(help: "WAV files.")
        var files: [String]

        @Option(help: "Whisper model name or ggml path.")
        var model: String?

        @Option(help: "Runs per file; percentiles are over all runs.")
        var runs = 3

        @OptionGroup var decoding: DecodingOptions

        func run() async throws {
            try await CommandContext.report {
                let engines = SpeechEngines(model: model, beam: decoding.beam, vocabulary: decoding.vocabulary)
                let transcriber = try engines.transcriber()
                let gated = FileTranscriber(transcriber: transcriber, detector: try engines.voiceActivity())
                print("model \(transcriber.modelName): loaded in \(Self.format(transcriber.loadSeconds)) s")
                var whole: [Double] = []
                var withVoice: [Double] = []
                for file in files {
                    let samples = try AudioFile.load16kMono(file)
                    let duration = Double(samples.count) / 16_000
                    for _ in 0..<max(1, runs) {
                        let started = ContinuousClock.now
                        _ = try await transcriber.transcribe(samples, options: engines.options)
                        let wholeRatio = (ContinuousClock.now - started).seconds / duration
                        let gatedStart = ContinuousClock.now
                        _ = try await gated.transcribe(samples: samples, options: engines.options)
                        let gatedRatio = (ContinuousClock.now - gatedStart).seconds / duration
                        whole.append(wholeRatio)
                        withVoice.append(gatedRatio)
                        print(
                            "\(file) (\(Self.format(duration)) s): RTF whole \(Self.format(wholeRatio)), gated \(Self.format(gatedRatio))"
                        )
                    }
                }
                print("RTF whole-file: \(Percentiles(whole).summary)")
                print("RTF voice-gated: \(Percentiles(withVoice).summary)")
                print("peak memory: \(PeakMemory.megabytes) MB")
            }
        }

        static func format(_ value: Double) -> String { String(format: "%.3f", value) }
    }

    /// `minutes bench diarize FILE… [--speakers N] [--step S] [--rttm DIR]`.
    struct Diarize: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Real-time factor and memory of offline diarization; optionally writes each file's RTTM."
        )

        @Argument(help: "WAV files.")
        var files: [String]

        @Option(help: "The number of speakers, when known.")
        var speakers: Int?

        @Option(help: "Seconds between segmentation windows (2.5 by default).")
        var step: Double?

        @Option(help: "Write FILE-ID.rttm hypotheses into this directory (for `minutes eval der`).")
        var rttm: String?

        @Option(help: "Loudness target in LUFS applied before diarizing (none to skip).")
        var loudness: String = "-23"

        func run() async throws {
            try await CommandContext.report {
                let engines = SpeechEngines()
                let base = try engines.localSpeakerDiarizer(step: step)
                let diarizer = GapFillingDiarizer(
                    base: base,
                    detector: try engines.voiceActivity(),
                    embedder: base.embedder
                )
                var ratios: [Double] = []
                for file in files {
                    var samples = try AudioFile.load16kMono(file)
                    let duration = Double(samples.count) / 16_000
                    let started = ContinuousClock.now
                    if let target = Double(loudness) {
                        samples = try LoudnessNormalizer(targetLoudness: target).normalize(samples, sampleRate: 16_000)
                            .samples
                    }
                    let turns = try await diarizer.diarize(samples, speakerCount: speakers)
                    let ratio = (ContinuousClock.now - started).seconds / duration
                    ratios.append(ratio)
                    let fileID = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
                    let voices = Set(turns.map(\.speaker)).count
                    print(
                        "\(fileID) (\(Transcribe.format(duration)) s): RTF \(Transcribe.format(ratio)), \(voices) speakers, \(turns.count) turns"
                    )
                    if let rttm {
                        try FileManager.default.createDirectory(atPath: rttm, withIntermediateDirectories: true)
                        let text = turns.map { turn in
                            "SPEAKER \(fileID) 1 \(Timecode.decimal(turn.start)) \(Timecode.decimal(turn.end - turn.start)) <NA> <NA> \(turn.speaker) <NA> <NA>\n"
                        }.joined()
                        try Data(text.utf8).write(to: URL(fileURLWithPath: rttm + "/\(fileID).rttm"))
                    }
                }
                print("RTF: \(Percentiles(ratios).summary)")
                print("peak memory: \(PeakMemory.megabytes) MB")
            }
        }
    }
}
