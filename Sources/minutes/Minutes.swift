import ArgumentParser
import CMallocTuning

/// The `minutes` command.
///
/// With no subcommand it opens the live console.
@main
struct Minutes: AsyncParsableCommand {
    /// Limits glibc to two malloc arenas before any thread starts, then runs the command.
    ///
    /// glibc gives each thread that allocates its own arena of up to 64 MB, and the engines'
    /// threads (whisper, ONNX Runtime, Swift's pool) each kept one partly used: a one-hour
    /// live meeting sat at 515 MB resident, above the 500 MB budget. Two arenas cost no
    /// measurable time here (see BENCHMARKS.md).
    static func main() async {
        _ = minutes_limit_malloc_arenas(2)
        await main(nil)
    }

    static let configuration = CommandConfiguration(
        commandName: "minutes",
        abstract: "Live meeting minutes in your terminal: who said what, summaries and exports.",
        version: MinutesVersion.current,
        subcommands: [
            ConsoleCommand.self,
            DevicesCommand.self,
            SessionsCommand.self,
            ExportCommand.self,
            ExportsCommand.self,
            TranscribeCommand.self,
            SpeakCommand.self,
            ModelsCommand.self,
            EvalCommand.self,
            BenchCommand.self,
            ProcessCommand.self,
            EnrollCommand.self,
            SpeakersCommand.self,
            SummarizeCommand.self,
            DemoCommand.self,
            ServeCommand.self,
            SmokeCommand.self,
        ],
        defaultSubcommand: ConsoleCommand.self
    )
}

enum MinutesVersion {
    static let current = "0.1.0"
}
