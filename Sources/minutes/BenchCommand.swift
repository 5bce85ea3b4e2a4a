import ArgumentParser
import Foundation
import MinutesAudio
import MinutesCore
import MinutesSpeech

/// `minutes bench …`: speed and memory, printed as ratios and percentiles.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmarks: real-time factor, load time, peak memory.",
        subcommands: [Transcribe.self]
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

        func run() async throws {
            try await CommandContext.report {
                let engines = SpeechEngines(model: model)
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
}
