import ArgumentParser
import Foundation
import MinutesCore
import MinutesPipeline
import MinutesSpeech

/// `minutes eval …`: accuracy against references.
struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure accuracy against references.",
        subcommands: [
            WER.self, EvalDERCommand.self, EvalDiarizationCommand.self, EvalEnrollmentCommand.self,
            EvalCPWERCommand.self,
        ]
    )

    /// `minutes eval wer --ref REF.txt HYP.txt…` or `--ref REF.txt --audio FILE`.
    struct WER: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "wer",
            abstract: "Word error rate of transcripts against a reference (case, punctuation and numbers normalized)."
        )

        @Option(help: "The reference transcript (plain text).")
        var ref: String

        @Argument(help: "Hypothesis transcripts (plain text).")
        var hypotheses: [String] = []

        @Option(help: "Transcribe this recording and score it instead.")
        var audio: String?

        @Option(help: "Whisper model for --audio.")
        var model: String?

        @OptionGroup var decoding: DecodingOptions

        func validate() throws {
            if hypotheses.isEmpty == (audio == nil) { throw ValidationError("give hypothesis files or --audio FILE") }
        }

        func run() async throws {
            try await CommandContext.report {
                let reference = try Self.read(ref)
                var scored: [(name: String, text: String)] = try hypotheses.map { ($0, try Self.read($0)) }
                if let audio {
                    let engines = SpeechEngines(model: model, beam: decoding.beam, vocabulary: decoding.vocabulary)
                    let drafts = try await engines.fileTranscriber().transcribe(
                        file: audio,
                        options: try engines.options(prompt: nil)
                    )
                    scored.append((audio, drafts.map(\.text).joined(separator: " ")))
                }
                for (name, text) in scored {
                    let wer = WordErrorRate.measure(reference: reference, hypothesis: text)
                    let percent = String(format: "%.2f", wer.rate * 100)
                    print(
                        "\(name): WER \(percent)% (\(wer.substitutions) substitutions, \(wer.deletions) deletions, "
                            + "\(wer.insertions) insertions, \(wer.referenceWords) reference words)"
                    )
                }
            }
        }

        static func read(_ path: String) throws -> String {
            do {
                return try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw MinutesError(.notFound, "cannot read \(path)", cause: error)
            }
        }
    }
}
