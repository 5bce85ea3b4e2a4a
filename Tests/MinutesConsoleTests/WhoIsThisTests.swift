import MinutesConsole
import MinutesCore
import Testing

struct WhoIsThisTests {
    private typealias Fixture = ConsoleFixture

    /// A meeting where an unnamed third voice has just spoken twice.
    private func newVoice() -> ConsoleStateMachine {
        var machine = Fixture.machine()
        machine.send(
            .segmentAppended(Fixture.segment(0, at: 1, Fixture.first, "Welcome, everyone.")),
            .speakerAppeared(Fixture.speaker(Fixture.third, ordinal: 3)),
            .segmentAppended(Fixture.segment(1, at: 4, Fixture.third, "Hi, sorry I'm late.")),
            .segmentAppended(Fixture.segment(2, at: 7, Fixture.third, "Traffic was terrible."))
        )
        return machine
    }

    @Test func asksWhoANewVoiceIsAndQuotesTheirFirstLines() {
        let machine = newVoice()
        #expect(machine.state.prompt == .name(NameEntry(speaker: Fixture.third, isIntroduction: true)))
        let lines = Fixture.render(machine.state).text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(
            Array(lines[17...23]) == [
                "┌─ Who is this? Speaker 3 ─────────────────────────────────────────────────────┐",
                "│ 00:00:04  Hi, sorry I'm late.                                                │",
                "│ 00:00:07  Traffic was terrible.                                              │",
                "│                                                                              │",
                "│ Name:    Tab: Alan · Alice · Bob                                             │",
                "└──────────────────────────────────────────────────────────────────────────────┘",
                "                                           Tab complete  Enter accept  Esc skip",
            ]
        )
        // The timeline stays visible above the prompt and keeps updating.
        #expect(lines[2].hasPrefix("00:00:01  Alice      Welcome, everyone."))
    }

    @Test func tabCompletesEnrolledNamesAndEnterThenYesEnrolls() {
        var machine = newVoice()
        machine.type("al")
        machine.press(.tab)
        #expect(
            machine.state.prompt
                == .name(
                    NameEntry(
                        speaker: Fixture.third,
                        isIntroduction: true,
                        text: "Alan",
                        completion: NameCompletion(prefix: "al", candidates: ["Alan", "Alice"], index: 0)
                    )
                )
        )
        machine.press(.tab)
        let grid = Fixture.render(machine.state)
        #expect(grid.line(21).hasPrefix("│ Name: Alice   Tab: Alan · Alice"))
        #expect(grid.cursor == CellPosition(row: 21, col: 13))

        #expect(machine.press(.enter) == [])
        #expect(machine.state.prompt == .rememberVoice(speaker: Fixture.third, name: "Alice"))
        #expect(
            Fixture.render(machine.state).text.contains("Remember the voice of Alice, so they are recognised in later")
        )

        #expect(machine.press(.character("y")) == [.labelSpeaker(Fixture.third, name: "Alice", enroll: true)])
        #expect(machine.state.overlay == nil)
        // The new name shows on every line they said.
        let text = Fixture.render(machine.state).text
        #expect(text.contains("00:00:04  Alice      Hi, sorry I'm late."))
    }

    @Test func answeringNoLabelsWithoutEnrolling() {
        var machine = newVoice()
        machine.type("Carol")
        machine.press(.enter)
        #expect(machine.press(.character("n")) == [.labelSpeaker(Fixture.third, name: "Carol", enroll: false)])
    }

    @Test func lettersTypedIntoANameNeverTriggerShortcuts() {
        var machine = newVoice()
        let actions = machine.type("q sef/lb?")
        #expect(actions.isEmpty)
        #expect(
            machine.state.prompt == .name(NameEntry(speaker: Fixture.third, isIntroduction: true, text: "q sef/lb?"))
        )
        #expect(machine.state.capture == .recording)
        #expect(machine.state.timeline.count == 3)
        machine.press(.backspace, .backspace)
        #expect(machine.state.prompt == .name(NameEntry(speaker: Fixture.third, isIntroduction: true, text: "q sef/l")))
    }

    @Test func enterWithoutANameKeepsAsking() {
        var machine = newVoice()
        machine.type("  ")
        #expect(machine.press(.enter) == [])
        #expect(machine.state.prompt != nil)
        #expect(machine.state.statusMessage?.text == "Type a name, or press Esc to skip.")
    }

    @Test func escapeSkipsAndLabelLaterOffersTheSkippedSpeaker() {
        var machine = newVoice()
        machine.press(.escape)
        #expect(machine.state.overlay == nil)
        #expect(machine.state.speaker(Fixture.third)?.wasSkipped == true)

        machine.press(.character("l"))
        let picker = SpeakerPicker(
            purpose: .label,
            speakers: [Fixture.first, Fixture.second, Fixture.third],
            selection: 2
        )
        #expect(machine.state.prompt == .pickSpeaker(picker))
        let text = Fixture.render(machine.state).text
        #expect(text.contains("Label which speaker?"))
        #expect(text.contains(" 3  Speaker 3"))
        #expect(text.contains("skipped"))

        machine.press(.enter)
        #expect(machine.state.prompt == .name(NameEntry(speaker: Fixture.third, isIntroduction: false)))
        machine.type("Dana")
        machine.press(.enter)
        #expect(machine.press(.character("y")) == [.labelSpeaker(Fixture.third, name: "Dana", enroll: true)])
    }

    @Test func promptsForSeveralNewVoicesOneAtATime() {
        var machine = Fixture.machine()
        let fourth = SpeakerID(rawValue: "spk_00000d")
        machine.send(
            .speakerAppeared(Fixture.speaker(Fixture.third, ordinal: 3)),
            .speakerAppeared(Fixture.speaker(fourth, ordinal: 4))
        )
        #expect(machine.state.prompt == .name(NameEntry(speaker: Fixture.third, isIntroduction: true)))
        machine.press(.escape)
        #expect(machine.state.prompt == .name(NameEntry(speaker: fourth, isIntroduction: true)))
        machine.press(.escape)
        #expect(machine.state.overlay == nil)
    }

    @Test func waitsUntilTheUserLeavesAMenu() {
        var machine = Fixture.machine()
        machine.press(.character("e"))
        machine.send(.speakerAppeared(Fixture.speaker(Fixture.third, ordinal: 3)))
        #expect(machine.state.overlay == .exportMenu(selection: 0))
        machine.press(.escape)
        #expect(machine.state.prompt == .name(NameEntry(speaker: Fixture.third, isIntroduction: true)))
    }

    @Test func dropsThePromptWhenTheEngineNamesTheSpeaker() {
        var machine = newVoice()
        machine.send(.speakerRenamed(Fixture.third, name: "Erin"))
        #expect(machine.state.overlay == nil)
        #expect(machine.state.speaker(Fixture.third)?.displayName == "Erin")
    }

    @Test func doesNotAskAboutVoicesMatchedToAnEnrolledProfile() {
        var machine = Fixture.machine()
        machine.send(.speakerAppeared(Fixture.speaker(Fixture.third, ordinal: 3, name: "Alice")))
        #expect(machine.state.overlay == nil)
    }
}
