import ArgumentParser
import Foundation
import MinutesCore
import MinutesPipeline
import MinutesSpeech

/// `minutes transcribe FILE [--format txt|json|srt|vtt] [--model NAME] [--language L]`.
struct TranscribeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transcribe",
        abstract: "Transcribe a recording offline with whisper.cpp.",
        discussion:
            "Voice activity decides what is speech, so silence yields no text. A recording of up to 28 s is decoded whole, as whisper-cli does; longer ones window by window."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case txt, json, srt, vtt
    }

    @Argument(
        help:
            "A recording: WAV (8–32-bit integer or float), MP3, M4A/AAC, MP4, WebM, Ogg, Opus, FLAC or AIFF, any rate and channel count."
    )
    var file: String

    @Option(help: "txt (default), json, srt or vtt.")
    var format: Format = .txt

    @OptionGroup var decoding: DecodingOptions

    @Option(help: "A Whisper model name (tiny.en, base, …) or a ggml file (MINUTES_WHISPER_MODEL).")
    var model: String?

    @Option(help: "The spoken language, or auto (MINUTES_LANGUAGE; default en).")
    var language: String?

    @Option(help: "Names and jargon to expect, given to Whisper as its initial prompt.")
    var prompt: String?

    func run() async throws {
        try await CommandContext.report {
            let engines = SpeechEngines(
                model: model,
                language: language,
                beam: decoding.beam,
                vocabulary: decoding.vocabulary
            )
            let options = try engines.options(prompt: prompt)
            CommandContext.warnIfCutShort(file)
            let drafts = try await engines.fileTranscriber().transcribe(file: file, options: options)
            let manifest = ExportManifest.transcript(drafts, title: URL(fileURLWithPath: file).lastPathComponent)
            switch format {
            case .txt: print(drafts.map(\.text).joined(separator: "\n"))
            case .json: print(ExportFormat.json.render(manifest), terminator: "")
            case .srt: print(ExportFormat.srt.render(manifest), terminator: "")
            case .vtt: print(ExportFormat.vtt.render(manifest), terminator: "")
            }
            QuickExit.afterOutput()
        }
    }
}
