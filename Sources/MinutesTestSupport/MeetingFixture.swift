import Foundation
import MinutesCore

/// A small fixed meeting (three voices, a summary, words with timings) whose exports are
/// compared byte for byte with golden files.
public enum MeetingFixture {
    public static let sessionID = SessionID(rawValue: "ses_0123456789ab")
    /// 2025-11-24 16:00 UTC.
    public static let startedAt = Date(timeIntervalSince1970: 1_764_000_000)

    public static let title = "Release planning"

    /// The timeline as a diarizer and transcriber would hand it over.
    public static let drafts: [SegmentDraft] = [
        SegmentDraft(
            start: 0.52,
            end: 4.2,
            cluster: "0",
            text: "Good morning, let's go through the release plan.",
            words: [
                Word(text: "Good", start: 0.52, end: 0.8, confidence: 0.97),
                Word(text: "morning,", start: 0.8, end: 1.2, confidence: 0.95),
            ]
        ),
        SegmentDraft(
            start: 4.6,
            end: 11.25,
            cluster: "1",
            text: "The build is green & the installer works on Debian <12>."
        ),
        SegmentDraft(start: 11.9, end: 19.0, cluster: "2", text: "I'll write the release notes by Friday."),
        SegmentDraft(
            start: 19.4,
            end: 31.755,
            cluster: "0",
            text: "Great. Then we ship on Monday. Can you check the upgrade path from the old database, Bob?"
        ),
        SegmentDraft(start: 32.0, end: 36.5, cluster: "1", text: "Yes, I will do that tomorrow."),
        SegmentDraft(start: 3700.25, end: 3702.0, cluster: nil, text: "(inaudible)"),
    ]

    public static let summary = Summary(
        bullets: ["Alice: the release ships on Monday.", "Bob: the build is green."],
        highlight: "Release ships on Monday.",
        actionItems: [
            ActionItem(text: "Write the release notes", owner: "Carol", due: "2025-11-28", at: 11.9),
            ActionItem(text: "Check the upgrade path from the old database", owner: "Bob", due: "2025-11-25", at: 19.4),
        ],
        decisions: ["Ship on Monday."]
    )

    /// Names given to the first two voices; the third stays "Speaker 3".
    public static let names: [String: String] = ["0": "Alice", "1": "Bob"]

    /// Creates the fixture session through `orchestrator`, names speakers and saves the summary.
    ///
    /// Use an orchestrator whose clock reads ``startedAt`` for byte-stable exports.
    public static func populate(_ orchestrator: SessionOrchestrator) async throws {
        _ = try await orchestrator.createSession(title: title, language: "en", persona: "planning", id: sessionID)
        let result = try await orchestrator.append(drafts, to: sessionID)
        for speaker in result.newSpeakers {
            if let name = names[speaker.cluster] {
                try await orchestrator.labelSpeaker(speaker.id, in: sessionID, name: name)
            }
        }
        try await orchestrator.saveSummary(summary, for: sessionID)
        try await orchestrator.endSession(sessionID)
    }
}
