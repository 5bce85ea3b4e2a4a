import Foundation
import MinutesCore
import MinutesSummary
import Testing

/// How people actually say action items, and the things they say that must not become one.
///
/// Every case is a short exchange on Wednesday 2026-03-04 between Alice, Bob, Carol, Dan and Tomás.
struct ActionItemPhrasingTests {
    struct Phrasing: CustomTestStringConvertible, Sendable {
        let lines: [String]
        let owner: String?
        let due: String?
        /// Words the item's text must contain.
        let gist: String

        var testDescription: String { lines.joined(separator: " / ") }
    }

    static let people = ["Alice", "Bob", "Carol", "Dan", "Tomás", "Wei"]

    static let positives: [Phrasing] = [
        Phrasing(
            lines: ["Alice: I'll send the deck to the client by Friday."],
            owner: "Alice",
            due: "2026-03-06",
            gist: "Send the deck"
        ),
        Phrasing(
            lines: ["Alice: I will update the roadmap tomorrow."],
            owner: "Alice",
            due: "2026-03-05",
            gist: "update the roadmap"
        ),
        Phrasing(
            lines: ["Alice: I'm going to write up the incident report next week."],
            owner: "Alice",
            due: "2026-03-13",
            gist: "incident report"
        ),
        Phrasing(
            lines: ["Alice: I'm gonna fix the login bug today."],
            owner: "Alice",
            due: "2026-03-04",
            gist: "fix the login bug"
        ),
        Phrasing(
            lines: ["Alice: Let me check the error logs after the meeting."],
            owner: "Alice",
            due: "2026-03-04",
            gist: "check the error logs"
        ),
        Phrasing(
            lines: ["Alice: I need to renew the domain in two weeks."],
            owner: "Alice",
            due: "2026-03-18",
            gist: "renew the domain"
        ),
        Phrasing(
            lines: ["Alice: I'll follow up with legal early next week."],
            owner: "Alice",
            due: "2026-03-09",
            gist: "follow up with legal"
        ),
        Phrasing(
            lines: ["Alice: I'll ask Wei to review the security changes."],
            owner: "Alice",
            due: nil,
            gist: "Ask Wei to review"
        ),
        Phrasing(
            lines: ["Alice: I'll send the slides after this."],
            owner: "Alice",
            due: "2026-03-04",
            gist: "send the slides"
        ),
        Phrasing(
            lines: ["Alice: If Bob sends the data this week, I'll have the report ready by next Wednesday."],
            owner: "Alice",
            due: "2026-03-11",
            gist: "report ready"
        ),
        Phrasing(
            lines: ["Alice: Bob, can you review the pull request by Thursday?", "Bob: Sure."],
            owner: "Bob",
            due: "2026-03-05",
            gist: "review the pull request"
        ),
        Phrasing(
            lines: ["Alice: Can you send me the numbers, Bob?"],
            owner: "Bob",
            due: nil,
            gist: "Send Alice the numbers"
        ),
        Phrasing(
            lines: ["Alice: Could you book the big room before Monday?", "Carol: Yes, I'll do it."],
            owner: "Carol",
            due: "2026-03-09",
            gist: "book the big room"
        ),
        Phrasing(
            lines: ["Alice: Would you mind updating the wiki by the end of the month, Dan?"],
            owner: "Dan",
            due: "2026-03-31",
            gist: "Update the wiki"
        ),
        Phrasing(
            lines: ["Alice: Dan, I need you to sign the contract by end of day."],
            owner: "Dan",
            due: "2026-03-04",
            gist: "sign the contract"
        ),
        Phrasing(
            lines: ["Alice: Tomas, could you restart the build server?"],
            owner: "Tomás",
            due: nil,
            gist: "restart the build server"
        ),
        Phrasing(
            lines: ["Alice: Everyone, please fill in the survey by Friday."],
            owner: "Everyone",
            due: "2026-03-06",
            gist: "fill in the survey"
        ),
        Phrasing(
            lines: ["Bob: Can you review my draft?", "Alice: Yes, I'll look at it this afternoon."],
            owner: "Alice",
            due: "2026-03-04",
            gist: "review Bob's draft"
        ),
        Phrasing(
            lines: ["Alice: Action item: Carol to draft the press release by the 15th."],
            owner: "Carol",
            due: "2026-03-15",
            gist: "draft the press release"
        ),
        Phrasing(
            lines: ["Alice: Action item for Dan: renew the SSL certificate."],
            owner: "Dan",
            due: nil,
            gist: "renew the SSL certificate"
        ),
        Phrasing(
            lines: ["Alice: Todo: Dan to archive the old dashboards."],
            owner: "Dan",
            due: nil,
            gist: "archive the old dashboards"
        ),
        Phrasing(
            lines: ["Alice: Bob will handle the vendor contract."],
            owner: "Bob",
            due: nil,
            gist: "handle the vendor contract"
        ),
        Phrasing(
            lines: ["Alice: Carol is going to run the retro on Thursday."],
            owner: "Carol",
            due: "2026-03-05",
            gist: "run the retro"
        ),
        Phrasing(
            lines: ["Alice: Someone needs to update the onboarding doc.", "Bob: I can take that."],
            owner: "Bob",
            due: nil,
            gist: "update the onboarding doc"
        ),
        Phrasing(
            lines: ["Alice: Can someone order the new laptops?", "Carol: I'll do it by next Monday."],
            owner: "Carol",
            due: "2026-03-09",
            gist: "order the new laptops"
        ),
        Phrasing(
            lines: [
                "Alice: We need to migrate the database before the 20th.", "Dan: I'll take care of the migration.",
            ],
            owner: "Dan",
            due: "2026-03-20",
            gist: "migrate the database"
        ),
        Phrasing(
            lines: ["Bob: Do you want me to set up the staging environment?", "Alice: Yes please."],
            owner: "Bob",
            due: nil,
            gist: "set up the staging environment"
        ),
        Phrasing(
            lines: ["Alice: Let's get the release notes out by the 3rd."],
            owner: "Alice",
            due: "2026-04-03",
            gist: "release notes"
        ),
        Phrasing(
            lines: ["Alice: I'll let the support team know about the outage."],
            owner: "Alice",
            due: nil,
            gist: "let the support team know"
        ),
        Phrasing(
            lines: ["Alice: Sorry, I can't, but I'll ask Dan to cover it tomorrow."],
            owner: "Alice",
            due: "2026-03-05",
            gist: "ask Dan to cover"
        ),
        // Speech-to-text without punctuation, casing or apostrophes.
        Phrasing(
            lines: ["Alice: okay bob can you send the invoice to finance by friday"],
            owner: "Bob",
            due: "2026-03-06",
            gist: "send the invoice"
        ),
        Phrasing(
            lines: ["Alice: ill send the agenda tomorrow morning"],
            owner: "Alice",
            due: "2026-03-05",
            gist: "send the agenda"
        ),
    ]

    static let negatives: [[String]] = [
        ["Alice: I'll be honest, the last sprint was rough."],
        ["Alice: Can you hear me?", "Bob: Yes, loud and clear."],
        ["Alice: Can you see my screen?"],
        ["Alice: Let me share my screen."],
        ["Alice: I sent the report last week."],
        ["Alice: Maybe we should rewrite it in Rust someday."],
        ["Alice: I think we should probably revisit this at some point."],
        ["Alice: I'll admit I haven't read it."],
        ["Alice: I was going to say the same thing."],
        ["Alice: Could you repeat that? You cut out."],
        ["Alice: Let's move on to the next item."],
        ["Alice: If it fails again, I'll just rerun it."],
        ["Alice: I need to drop in five minutes."],
        ["Alice: Would you say the launch went well?"],
        ["Alice: Can you believe it's March already?"],
        ["Alice: We'll see how it goes."],
        ["Alice: I'll let Bob explain."],
        ["Alice: I'll tell you what, that demo was great."],
        ["Alice: Sure, I can see it now."],
        ["Bob: Any questions for me?", "Alice: Please do.", "Bob: Sure."],
        ["Alice: Let me think about it."],
        ["Alice: I'll go first."],
        ["Alice: I can hear you fine."],
        ["Alice: Bob, can you cover the on-call shift on Saturday?", "Bob: Sorry, I can't, I'm away that weekend."],
        ["Alice: Carol, could you send the draft to legal?", "Carol: It's done already, I sent it yesterday."],
        ["Alice: I'd really like a decision, because if it slips, I need to start over."],
        ["Bob: Do you want me to take the minutes?", "Alice: No, it's fine, the tool does it."],
        ["Alice: We could maybe look at caching later."],
    ]

    @Test(arguments: positives)
    func findsTheActionItem(_ case: Phrasing) throws {
        let summary = try Fixtures.summarizer.summarize(
            try Fixtures.conversation(`case`.lines, participants: Self.people)
        )
        let item = try #require(summary.actionItems.first, "no action item in \(`case`.lines)")
        #expect(summary.actionItems.count == 1, "\(summary.actionItems)")
        #expect(item.owner == `case`.owner)
        #expect(item.due == `case`.due)
        #expect(item.text.localizedCaseInsensitiveContains(`case`.gist), "text was \(item.text)")
    }

    @Test(arguments: negatives)
    func findsNoActionItem(_ lines: [String]) throws {
        let summary = try Fixtures.summarizer.summarize(try Fixtures.conversation(lines, participants: Self.people))
        #expect(summary.actionItems.isEmpty, "\(summary.actionItems)")
    }

    @Test func tableIsLargeEnough() {
        #expect(Self.positives.count + Self.negatives.count >= 30)
    }
}
