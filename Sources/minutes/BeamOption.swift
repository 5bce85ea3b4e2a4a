import ArgumentParser
import MinutesCore

/// `--beam N`: Whisper's beam for commands that decode recordings.
struct BeamOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Whisper's beam width: 1 decodes greedily (fastest), 5 as whisper.cpp's own command does (MINUTES_WHISPER_BEAM; default 5).",
            valueName: "n"
        )
    )
    var beam: Int?

    func validate() throws {
        if let beam, !TranscriptionOptions.beamSizes.contains(beam) {
            throw ValidationError(
                "--beam must be from \(TranscriptionOptions.beamSizes.lowerBound) to \(TranscriptionOptions.beamSizes.upperBound), not \(beam)"
            )
        }
    }
}
