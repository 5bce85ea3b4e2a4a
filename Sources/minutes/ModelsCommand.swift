import ArgumentParser
import Foundation
import MinutesPipeline
import MinutesSpeech

/// `minutes models`: what is installed, where, and what is chosen.
struct ModelsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models",
        abstract: "List the installed models and where they are (MINUTES_MODELS_DIR)."
    )

    func run() async throws {
        try await CommandContext.report {
            let configuration = SpeechEngines().configuration
            let directory = configuration.modelsDirectory
            print("Models directory: \(directory)")
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
                .filter { $0.hasSuffix(".bin") || $0.hasSuffix(".onnx") }
                .sorted()
            if names.isEmpty {
                print("No models installed: run `make models` (and `make models MODEL=base` for base).")
                return
            }
            let chosen = URL(fileURLWithPath: configuration.whisperModelPath).lastPathComponent
            for name in names {
                let size =
                    (try? FileManager.default.attributesOfItem(atPath: directory + "/" + name)[.size] as? Int) ?? 0
                let mark = name == chosen ? "  (Whisper model in use)" : ""
                print("  \(name)  \(size / 1_048_576) MB\(mark)")
            }
            if !names.contains(chosen) {
                print(
                    "The chosen Whisper model \(chosen) is not installed: run `make models` or pick another with --model."
                )
            }
        }
    }
}
