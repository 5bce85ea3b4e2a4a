import Logging
import MinutesCore
import MinutesSummary

extension MeetingSummarizer {
    /// The summarizer of a command that keeps a meeting: the configured LLM when the
    /// environment asks for one (its answers cached in `cache`), the offline rules otherwise,
    /// with the standard and the user's personas.
    static func configured(
        environment: [String: String],
        cache: any SummaryCache,
        logger: Logger
    ) throws -> MeetingSummarizer {
        let personas = try PersonaLibrary(directories: PersonaLibrary.standardDirectories(environment: environment))
        let llm = try LLMConfiguration(environment: environment)
        return MeetingSummarizer(
            personas: personas,
            llm: llm.isRequested
                ? LLMSummarizer(configuration: llm, personas: personas, cache: cache, logger: logger) : nil,
            logger: logger
        )
    }
}
