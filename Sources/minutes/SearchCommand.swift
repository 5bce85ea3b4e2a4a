import ArgumentParser
import Foundation
import MinutesCore

/// `minutes search QUERY`: what was said, decided and assigned, across every stored meeting.
struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search every stored meeting: what was said, decisions and action items.",
        discussion: """
            Every word must occur; "a phrase" keeps its words in order; word* is a prefix; \
            OR between alternatives; -word or NOT word leaves out. Case and accents do not \
            matter. Hits are listed newest meeting first; within a meeting decisions, then \
            action items, then what was said. Forgotten speakers' words are never found.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case txt, json
    }

    @Argument(help: "What to look for.")
    var query: String

    @Option(help: "Only what this person said or owns (names match as words do: zoe finds Zoë).")
    var speaker: String?

    @Option(help: "Only meetings started on or after this day (2026-12-01) or moment (ISO 8601).")
    var since: String?

    @Option(help: "Only meetings started up to the end of this day, or before this moment.")
    var until: String?

    @Option(help: "Only this session (ses_…).")
    var session: String?

    @Option(name: .customLong("kind"), help: "Only this kind of hit: said, decision, action (repeatable).")
    var kinds: [String] = []

    @Option(help: "The most hits to print (1–\(SearchQuery.largestLimit)).")
    var limit = 20

    @Option(help: "txt (grouped by meeting, matches marked «like this») or json.")
    var format = Format.txt

    @Flag(help: "Pass QUERY to the database as its own syntax (FTS5 on SQLite, tsquery on PostgreSQL).")
    var raw = false

    func run() async throws {
        try await CommandContext.run { context in
            let search = try SearchQuery(
                text: query,
                speaker: speaker,
                since: since,
                until: until,
                session: session,
                kinds: kinds,
                limit: limit,
                raw: raw
            )
            let hits = try await context.orchestrator.search(search)
            switch format {
            case .json:
                let encoder = JSONEncoder()
                encoder.keyEncodingStrategy = .convertToSnakeCase
                encoder.dateEncodingStrategy = .iso8601
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                FileHandle.standardOutput.write(try encoder.encode(hits) + Data("\n".utf8))
            case .txt:
                print(SearchListing.render(hits), terminator: "")
            }
        }
    }
}
