import MinutesConsole
import MinutesCore
import Testing

struct ConsoleKeysTests {
    private typealias Fixture = ConsoleFixture

    @Test func spacePausesAndResumesCapture() {
        var machine = Fixture.machine()
        #expect(machine.press(.character(" ")) == [.pauseCapture])
        #expect(machine.state.capture == .paused)
        #expect(Fixture.render(machine.state).line(23).contains("space resume"))
        #expect(machine.press(.character(" ")) == [.resumeCapture])
        #expect(machine.state.capture == .recording)
    }

    @Test func spaceRetriesALostDeviceAndRecoveryClearsTheAlert() {
        var machine = Fixture.machine()
        machine.send(.deviceLost(message: "hw:1 disappeared"))
        #expect(machine.state.statusMessage?.ticksLeft == nil)
        #expect(machine.press(.character(" ")) == [.resumeCapture])
        machine.send(.captureStatusChanged(.recording))
        #expect(machine.state.capture == .recording)
    }

    @Test func rShowsTheBackgroundRefinesOfEarlierMeetings() {
        // Given the console, asked with `r`
        var machine = Fixture.machine()
        #expect(machine.press(.character("r")) == [.listRefines])

        // When the engine answers with two refines, the newest first
        let lines = [
            "Refining session ses_00000000000b: transcribing (42 s so far).",
            "Session ses_00000000000a is refined: 12 segments, 2 speakers.",
        ]
        machine.send(.refinesListed(lines))

        // Then they are listed over the timeline, and any other key closes the list
        #expect(machine.state.overlay == .listing(ScrollingListing(title: "Background refines (2)", lines: lines)))
        let screen = Fixture.render(machine.state).text
        #expect(screen.contains("Background refines (2)"))
        #expect(screen.contains("ses_00000000000b: transcribing (42 s so far)"))
        machine.press(.escape)
        #expect(machine.state.overlay == nil)
        // and with none, a message says so instead of an empty list
        machine.send(.refinesListed([]))
        #expect(machine.state.overlay == nil)
        #expect(machine.state.statusMessage?.text.contains("No meeting is being refined") == true)
    }

    @Test func quitAsksForConfirmation() {
        var machine = Fixture.machine()
        #expect(machine.press(.character("q")) == [])
        #expect(machine.state.prompt == .confirmQuit)
        #expect(Fixture.render(machine.state).text.contains("Stop recording and quit? (y/n)"))
        #expect(machine.press(.character("n")) == [])
        #expect(machine.state.overlay == nil)
        machine.press(.character("q"))
        #expect(machine.press(.character("y")) == [.quit])
    }

    @Test func forgetPicksASpeakerAndConfirms() {
        var machine = Fixture.machine()
        machine.send(.segmentAppended(Fixture.segment(0, at: 1, Fixture.second, "My phone number is secret.")))
        machine.press(.character("f"))
        #expect(
            machine.state.prompt
                == .pickSpeaker(SpeakerPicker(purpose: .forget, speakers: [Fixture.first, Fixture.second]))
        )
        machine.press(.down, .enter)
        #expect(machine.state.prompt == .confirmForget(Fixture.second))
        #expect(
            Fixture.render(machine.state).text.contains(
                "Forget Bob? Their words are redacted and their voice is deleted. (y/n)"
            )
        )
        #expect(machine.press(.character("y")) == [.forgetSpeaker(Fixture.second)])

        machine.send(.speakerForgotten(Fixture.second))
        let text = Fixture.render(machine.state).text
        #expect(text.contains("00:00:01  Speaker 2 (forg…  [redacted]"))
        #expect(text.contains("Forgot Speaker 2; their words are redacted."))
        #expect(!text.contains("secret"))
    }

    @Test func escapeCancelsForgetting() {
        var machine = Fixture.machine()
        machine.press(.character("f"), .character("1"))
        #expect(machine.state.prompt == .confirmForget(Fixture.first))
        #expect(machine.press(.escape) == [])
        #expect(machine.state.overlay == nil)
    }

    @Test func exportMenuChoosesMarkdownAndShowsThePath() {
        var machine = Fixture.machine()
        machine.press(.character("e"))
        let text = Fixture.render(machine.state).text
        #expect(text.contains("┌─ Export ─"))
        #expect(text.contains(" 1  Markdown minutes     .md"))
        #expect(text.contains(" 6  Plain text           .txt"))
        #expect(machine.press(.enter) == [.export(.markdown)])
        #expect(machine.state.overlay == nil)
        #expect(machine.state.statusMessage?.text == "Exporting Markdown minutes…")

        machine.send(.exportFinished(.markdown, path: "/home/ana/Recordings/weekly-sync.md"))
        #expect(
            Fixture.render(machine.state).line(23).hasPrefix(
                " Exported Markdown minutes to /home/ana/Recordings/weekly-sync.md"
            )
        )
    }

    @Test(arguments: [
        ([KeyPress.down, .enter], ExportFormat.json), ([.character("3")], .srt), ([.character("v")], .vtt),
        ([.up, .enter], .txt), ([.character("r")], .rttm),
    ])
    func exportMenuPicksEachFormat(keys: [KeyPress], format: ExportFormat) {
        var machine = Fixture.machine()
        machine.press(.character("e"))
        let actions = keys.flatMap { machine.handle(.key($0)) }
        #expect(actions == [.export(format)])
    }

    @Test func summaryIsBuiltOnDemandWithASpinner() {
        var machine = Fixture.machine()
        #expect(machine.press(.character("s")) == [.buildSummary])
        #expect(machine.state.summary == .building)
        #expect(Fixture.render(machine.state).text.contains("⠋ Building the summary…"))
        machine.send(.tick(elapsed: 1))
        #expect(Fixture.render(machine.state).text.contains("⠙ Building the summary…"))

        machine.send(
            .summaryReady(
                Summary(
                    bullets: ["Budget approved"],
                    highlight: "Roadmap agreed",
                    actionItems: [ActionItem(text: "Send the notes", owner: "Bob")]
                )
            )
        )
        let text = Fixture.render(machine.state).text
        #expect(text.contains("│ Roadmap agreed"))
        #expect(text.contains("│ Key points"))
        #expect(text.contains("│ • Budget approved"))
        #expect(text.contains("│ • Bob: Send the notes"))
        #expect(machine.press(.escape) == [])
        #expect(machine.state.summary == .hidden)
    }

    @Test func summaryFailureShowsInThePane() {
        var machine = Fixture.machine()
        machine.press(.character("s"))
        machine.send(.summaryFailed(message: "the LLM endpoint refused the request"))
        #expect(
            Fixture.render(machine.state).text.contains("Could not build the summary: the LLM endpoint refused the")
        )
        #expect(machine.press(.character("s")) == [])
        #expect(machine.press(.character("s")) == [.buildSummary])
    }

    @Test func aSummaryThatArrivesAfterClosingWaitsForS() {
        var machine = Fixture.machine()
        machine.press(.character("s"), .character("s"))
        #expect(machine.state.summary == .hidden)
        machine.send(.summaryReady(Summary(bullets: ["One"])))
        #expect(machine.state.statusMessage?.text == "The summary is ready: press s.")
        #expect(machine.press(.character("s")) == [])
        #expect(machine.state.summary == .shown(lines: ["Key points", "• One", "", "Source: offline"], scroll: 0))
    }

    @Test func helpListsTheKeysAndAnyKeyClosesIt() {
        var machine = Fixture.machine()
        machine.press(.character("?"))
        let text = Fixture.render(machine.state).text
        #expect(text.contains("┌─ Keys ─"))
        #expect(text.contains("│ space     pause / resume"))
        #expect(text.contains("│ End       follow new lines"))
        #expect(machine.press(.character("q")) == [])
        #expect(machine.state.overlay == nil)
    }

    @Test func helpFitsInTheSmallestWindow() {
        var machine = Fixture.machine(size: TerminalSize(rows: 15, cols: 60))
        machine.press(.character("?"))
        let text = Fixture.render(machine.state).text
        #expect(text.contains("q         quit"))
        #expect(text.contains("space     pause / resume"))
    }

    @Test func recoveryOffersAreAnsweredYesOrNo() {
        var machine = Fixture.machine()
        machine.send(
            .recoveryOffered(
                RecoveryOffer(id: "rec-1", message: "An interrupted recording from 10:02 was found. Recover it?")
            )
        )
        #expect(Fixture.render(machine.state).text.contains("Recover it? (y/n)"))
        #expect(machine.press(.character("y")) == [.acceptRecovery("rec-1")])
        machine.send(.recoveryOffered(RecoveryOffer(id: "rec-2", message: "Recover?")))
        #expect(machine.press(.escape) == [.declineRecovery("rec-2")])
    }

    @Test func statusMessagesExpireAfterTheirTicks() {
        var machine = Fixture.machine()
        machine.send(.notice("Saved", isError: false))
        for second in 0..<(StatusMessage.defaultLifetime - 1) { machine.send(.tick(elapsed: Double(second))) }
        #expect(machine.state.statusMessage?.text == "Saved")
        machine.send(.tick(elapsed: 100))
        #expect(machine.state.statusMessage == nil)
    }
}
