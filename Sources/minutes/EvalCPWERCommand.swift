import ArgumentParser
import Foundation
import MinutesAudio
import MinutesCore
import MinutesPipeline

/// `minutes eval cpwer --ref REF.stm (HYP.json… | --audio WAV…)`: who said which words.
struct EvalCPWERCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cpwer",
        abstract: "cpWER (words on the right speaker) beside plain WER, against an STM reference.",
        discussion: """
            Hypotheses are JSON manifests (`minutes process F --format json`, an export), or
            recordings processed here as `minutes process` would. File ids in the STM are the
            file names without extension.
            """
    )

    @Option(help: "The reference: an STM file (file channel speaker start end words…).")
    var ref: String

    @Argument(help: "Hypothesis JSON manifests.")
    var manifests: [String] = []

    @Option(parsing: .upToNextOption, help: "Recordings to process and score instead.")
    var audio: [String] = []

    @Option(help: "With --audio: the number of speakers, when known.")
    var speakers: Int?

    @OptionGroup var decoding: DecodingOptions

    func validate() throws {
        if manifests.isEmpty == audio.isEmpty { throw ValidationError("give JSON manifests or --audio FILE…") }
    }

    func run() async throws {
        try await CommandContext.report {
            let reference = Dictionary(grouping: try STM.parse(try EvalCommand.WER.read(ref)), by: \.file)
            var rows: [(file: String, plain: WordErrorRate, concatenated: ConcatenatedPermutationWER)] = []
            for (file, hypothesis) in try await hypotheses() {
                guard let segments = reference[file] else {
                    throw MinutesError(.notFound, "the reference has no file '\(file)'")
                }
                let spoken = segments.sorted { $0.start < $1.start }
                let plain = WordErrorRate.measure(
                    reference: spoken.map(\.text).joined(separator: " "),
                    hypothesis: hypothesis.map(\.text).joined(separator: " ")
                )
                let concatenated = ConcatenatedPermutationWER.measure(
                    reference: Self.bySpeaker(spoken.map { ($0.speaker, $0.text) }),
                    hypothesis: Self.bySpeaker(hypothesis.map { ($0.speaker, $0.text) })
                )
                rows.append((file, plain, concatenated))
            }
            print("file            WER%   cpWER%  ref/hyp speakers")
            for row in rows {
                let hypothesisSpeakers = Set(row.concatenated.pairing.values.compactMap { $0 }).count
                print(
                    row.file.padding(toLength: max(14, row.file.count), withPad: " ", startingAt: 0)
                        + String(format: " %6.2f  %6.2f  ", row.plain.rate * 100, row.concatenated.rate * 100)
                        + "\(row.concatenated.pairing.count)/\(hypothesisSpeakers)"
                )
            }
            let plain = rows.map(\.plain).reduce(.zero, +)
            let concatenated = rows.map(\.concatenated.errors).reduce(.zero, +)
            print("pooled        " + String(format: " %6.2f  %6.2f", plain.rate * 100, concatenated.rate * 100))
        }
    }

    /// Each file's hypothesis segments as (speaker, text) in time order.
    private func hypotheses() async throws -> [(String, [(speaker: String, text: String)])] {
        var result: [(String, [(speaker: String, text: String)])] = []
        for path in manifests {
            let manifest = try ExportManifest.decode(Data(contentsOf: URL(fileURLWithPath: path)))
            result.append(
                (
                    Self.fileID(path),
                    manifest.segments.map { ($0.speaker?.rawValue ?? "?", $0.text) }
                )
            )
        }
        if !audio.isEmpty {
            let engines = SpeechEngines(beam: decoding.beam, vocabulary: decoding.vocabulary)
            let processor = try engines.meetingProcessor()
            for path in audio {
                let samples = try LoudnessNormalizer().normalize(try AudioFile.load16kMono(path), sampleRate: 16_000)
                    .samples
                let drafts = try await processor.process(
                    samples,
                    speakerCount: speakers,
                    options: try engines.options(prompt: nil)
                )
                .segments
                result.append((Self.fileID(path), drafts.map { ($0.cluster ?? "?", $0.text) }))
            }
        }
        return result
    }

    private static func fileID(_ path: String) -> String {
        URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    }

    private static func bySpeaker(_ segments: [(String, String)]) -> [String: String] {
        var joined: [String: String] = [:]
        for (speaker, text) in segments { joined[speaker, default: ""] += " " + text }
        return joined
    }
}
