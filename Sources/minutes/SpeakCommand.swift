import ArgumentParser
import MinutesAudio
import MinutesCore
import MinutesSpeech

/// `minutes speak TEXT --voice V --out FILE`, `minutes speak --list-voices`.
struct SpeakCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "speak",
        abstract: "Speak text with Flite or espeak-ng into a 16 kHz WAV file."
    )

    @Argument(help: "The text to speak.")
    var text: String?

    @Option(
        help:
            "A Flite voice (slt, rms, awb, kal16) or an espeak-ng voice with an optional variant: en-us, en-gb+m3, de."
    )
    var voice = "en-us"

    @Option(help: "The WAV file to write.")
    var out: String?

    @Flag(help: "List the available voices.")
    var listVoices = false

    func validate() throws {
        if !listVoices && (text == nil || out == nil) {
            throw ValidationError("give TEXT and --out FILE, or --list-voices")
        }
    }

    func run() async throws {
        try await CommandContext.report {
            let synthesizer = LocalSynthesizer()
            if listVoices {
                for voice in try await synthesizer.voices() {
                    print("\(voice.name)\t\(voice.language)")
                }
                return
            }
            guard let text, let out else { return }
            let samples = try await synthesizer.synthesize(text, voice: voice)
            try WAVWriter.write(samples, to: out, sampleRate: 16_000)
            print("Wrote \(out) (\(Double(samples.count) / 16_000) s).")
        }
    }
}
