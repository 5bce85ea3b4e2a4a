import ArgumentParser
import MinutesAudio

/// The `minutes` command.
///
/// With no subcommand it opens the live console.
@main
struct Minutes: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "minutes",
        abstract: "Live meeting minutes in your terminal: who said what, summaries and exports.",
        version: MinutesVersion.current,
        subcommands: [
            ConsoleCommand.self,
            DevicesCommand.self,
            SessionsCommand.self,
            SearchCommand.self,
            ExportCommand.self,
            ExportsCommand.self,
            TranscribeCommand.self,
            SpeakCommand.self,
            ModelsCommand.self,
            EvalCommand.self,
            BenchCommand.self,
            ProcessCommand.self,
            RefineCommand.self,
            EnrollCommand.self,
            SpeakersCommand.self,
            SummarizeCommand.self,
            DemoCommand.self,
            ServeCommand.self,
            SmokeCommand.self,
        ],
        defaultSubcommand: ConsoleCommand.self
    )

    /// Sets how the C heap returns memory before any engine loads, then runs the command.
    static func main() async {
        ProcessHeap.configure()
        await main(nil)
    }
}

enum MinutesVersion {
    static let current = "0.1.0"
}
