import ArgumentParser
import Foundation
import MinutesAudio
import MinutesCore
import MinutesPipeline
import MinutesSpeakers

/// `minutes eval enrollment --ref REF.rttm WAV…`: how often the enrolled-voice matcher
/// names a stranger or misses a known voice, across recordings.
struct EvalEnrollmentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enrollment",
        abstract: "False-accept and false-reject rates of enrolled-voice matching by threshold.",
        discussion: """
            Each reference speaker's solo speech in each recording becomes a voice print; prints of \
            the same speaker from different recordings are genuine trials, prints of different \
            speakers impostor trials.
            """
    )

    @Option(help: "The reference RTTM; file ids are the WAV names without extension.")
    var ref: String

    @Argument(help: "WAV recordings.")
    var files: [String]

    @Option(help: "Seconds of solo speech needed for a voice print.")
    var minimumSpeech = 2.0

    func run() async throws {
        try await CommandContext.report {
            let embedder = try SpeechEngines().embedder()
            let reference = try RTTM.parse(try EvalCommand.WER.read(ref))
            var prints: [(file: String, speaker: String, print: [Float])] = []
            for file in files {
                let fileID = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
                let turns = reference[fileID] ?? []
                let samples = try LoudnessNormalizer().normalize(try AudioFile.load16kMono(file), sampleRate: 16_000)
                    .samples
                for speaker in Set(turns.map(\.speaker)).sorted() {
                    let solo = SoloSpeech.samples(of: speaker, turns: turns, in: samples, limit: 30)
                    guard Double(solo.count) / 16_000 >= minimumSpeech else { continue }
                    prints.append((fileID, speaker, try await embedder.embedding(of: solo)))
                }
            }
            var genuine: [Float] = []
            var impostor: [Float] = []
            for (index, first) in prints.enumerated() {
                for second in prints[(index + 1)...] where second.file != first.file {
                    let score = VoicePrint.cosine(first.print, second.print)
                    if first.speaker == second.speaker { genuine.append(score) } else { impostor.append(score) }
                }
            }
            print(
                "\(prints.count) voice prints, \(genuine.count) genuine and \(impostor.count) impostor cross-recording trials"
            )
            print("threshold  false-accept  false-reject")
            let thresholds = stride(from: Float(0.3), through: 0.8, by: 0.05).map { $0 }
            for rates in VerificationRates.sweep(genuine: genuine, impostor: impostor, thresholds: thresholds) {
                let mark = abs(rates.threshold - ProfileMatcher.defaultThreshold) < 0.001 ? "  (default)" : ""
                print(
                    String(
                        format: "%9.2f  %11.1f%%  %11.1f%%",
                        rates.threshold,
                        rates.falseAccept * 100,
                        rates.falseReject * 100
                    )
                        + mark
                )
            }
        }
    }
}
