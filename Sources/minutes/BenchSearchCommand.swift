import ArgumentParser
import Foundation
import MinutesCore
import MinutesStorage

/// `minutes bench search --transcripts FILE…`: search latency over a library of synthetic
/// meetings, and what indexing costs an append.
struct BenchSearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search latency over many hour-long meetings built from real transcripts.",
        discussion: """
            Builds MEETINGS meetings of SEGMENTS five-second lines each in a fresh SQLite database \
            (or reuses --database), then times queries of five kinds: a word of the transcripts, \
            a project name, a phrase, a prefix, and a project name said by one person.
            """
    )

    @Option(parsing: .upToNextOption, help: "Transcripts the meetings' sentences come from (STM, LibriVox, text).")
    var transcripts: [String]

    @Option(help: "Meetings in the library.")
    var meetings = 1_000

    @Option(help: "Lines per meeting (720 is an hour of five-second lines).")
    var segments = 720

    @Option(help: "Queries of each kind.")
    var queries = 40

    @Option(help: "The database to build, or to reuse when it holds the library already.")
    var database: String?

    func run() async throws {
        try await CommandContext.report {
            let path = database ?? NSTemporaryDirectory() + "minutes-bench-search-\(getpid()).sqlite"
            let store = try GRDBSessionStore(path: path)
            var library = try SyntheticMeetings(transcripts: transcripts)
            let origin = Date(timeIntervalSince1970: 1_704_067_200)
            let stored = try await store.sessions().count
            if stored < meetings {
                try await build(into: store, library: &library, from: stored, origin: origin)
            } else {
                print("reusing \(path): \(stored) meetings")
                for number in 0..<meetings { _ = library.meeting(number, segments: segments, startingFrom: origin) }
            }
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            print("database \(path): \(size / 1_048_576) MB")
            try await measureQueries(on: store, library: &library)
            try await measureForget(on: store)
            if database == nil {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
        }
    }

    /// Appends every meeting's lines a minute (twelve lines) at a time, as a live meeting
    /// stores them, timing each append.
    private func build(
        into store: GRDBSessionStore,
        library: inout SyntheticMeetings,
        from first: Int,
        origin: Date
    ) async throws {
        for number in 0..<first { _ = library.meeting(number, segments: segments, startingFrom: origin) }
        var perSegment: [Double] = []
        let started = ContinuousClock.now
        for number in first..<meetings {
            let meeting = library.meeting(number, segments: segments, startingFrom: origin)
            try await store.insertSession(meeting.session)
            var newSpeakers = meeting.speakers
            for chunk in stride(from: 0, to: meeting.segments.count, by: 12) {
                let lines = Array(meeting.segments[chunk..<min(chunk + 12, meeting.segments.count)])
                let before = ContinuousClock.now
                _ = try await store.appendSegments(lines, to: meeting.session.id, adding: newSpeakers)
                perSegment.append((ContinuousClock.now - before).seconds / Double(lines.count))
                newSpeakers = []
            }
            try await store.saveSummary(meeting.summary, for: meeting.session.id)
            if (number + 1) % 100 == 0 {
                print("built \(number + 1) meetings in \(Int((ContinuousClock.now - started).seconds)) s")
            }
        }
        print("append, ms per segment (12 per append): \(Percentiles(perSegment.map { $0 * 1000 }).summary)")
    }

    /// A forget and a delete rewrite the whole index (``SearchIndexSchema``): what that costs
    /// at this size.
    private func measureForget(on store: GRDBSessionStore) async throws {
        let sessions = try await store.sessions()
        guard sessions.count >= 2 else { return }
        let speakers = try await store.speakers(of: sessions[0].id).filter { !$0.isForgotten }
        if let speaker = speakers.first {
            let before = ContinuousClock.now
            try await store.forgetSpeaker(speaker.id, in: sessions[0].id)
            print("forget one speaker of one meeting: \(Int((ContinuousClock.now - before).seconds * 1000)) ms")
        }
        let before = ContinuousClock.now
        try await store.deleteSession(sessions[1].id)
        print("delete one meeting: \(Int((ContinuousClock.now - before).seconds * 1000)) ms")
    }

    private func measureQueries(on store: GRDBSessionStore, library: inout SyntheticMeetings) async throws {
        let vocabulary = Array(
            Set(
                library.sentences.flatMap { $0.lowercased().split(separator: " ").map(String.init) }.filter {
                    $0.count >= 4
                }
            )
        ).sorted()
        var kinds: [(name: String, make: (inout SyntheticMeetings) -> (String, String?))] = []
        kinds.append(("transcript word", { ($0.pick(vocabulary), nil) }))
        kinds.append(("project name", { ($0.pick($0.usedTerms), nil) }))
        kinds.append(
            (
                "phrase",
                { library in
                    let words = library.pick(library.sentences).split(separator: " ")
                    let start = Int(library.pick(Array(0..<(words.count - 1))))
                    return ("\"\(words[start]) \(words[start + 1])\"", nil)
                }
            )
        )
        kinds.append(("prefix", { (String($0.pick(vocabulary).prefix(4)) + "*", nil) }))
        kinds.append(("name by a speaker", { ($0.pick($0.usedTerms), $0.pick($0.names)) }))
        var pooled: [Double] = []
        for kind in kinds {
            var times: [Double] = []
            var hitCounts: [Double] = []
            for round in 0..<(queries + 3) {
                let (text, speaker) = kind.make(&library)
                let query = try SearchQuery(text: text, speaker: speaker)
                let before = ContinuousClock.now
                let hits = try await store.search(query)
                let elapsed = (ContinuousClock.now - before).seconds * 1000
                guard round >= 3 else { continue }
                times.append(elapsed)
                hitCounts.append(Double(hits.count))
            }
            pooled += times
            print("\(kind.name): ms \(Percentiles(times).summary); hits p50 \(Int(Percentiles(hitCounts).p50))")
        }
        print("all queries: ms \(Percentiles(pooled).summary)")
    }
}
