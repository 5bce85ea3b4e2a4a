import ArgumentParser
import MinutesCore

/// `--beam N` and `--vocabulary FILE`: how commands that decode recordings run Whisper.
struct DecodingOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Whisper's beam width: 1 decodes greedily (fastest), 5 as whisper.cpp's own command does (MINUTES_WHISPER_BEAM; default 5).",
            valueName: "n"
        )
    )
    var beam: Int?

    @Option(
        help: ArgumentHelp(
            "Terms to expect, one per line: product names, jargon, people (MINUTES_VOCABULARY). Given to Whisper as its prompt.",
            valueName: "file"
        )
    )
    var vocabulary: String?

    func validate() throws {
        if let beam, let problem = TranscriptionOptions.beamSizeProblem(beam) { throw ValidationError(problem) }
    }
}
