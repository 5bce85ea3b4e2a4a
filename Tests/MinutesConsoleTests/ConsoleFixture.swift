import MinutesConsole
import MinutesCore

/// Speakers, segments and helpers shared by the console tests.
enum ConsoleFixture {
    static let session = SessionID(rawValue: "ses_000000")
    static let first = SpeakerID(rawValue: "spk_00000a")
    static let second = SpeakerID(rawValue: "spk_00000b")
    static let third = SpeakerID(rawValue: "spk_00000c")

    static func speaker(_ id: SpeakerID, ordinal: Int, name: String? = nil) -> Speaker {
        Speaker(id: id, session: session, cluster: "c\(ordinal)", ordinal: ordinal, name: name)
    }

    static func segment(_ index: Int, at start: Double, _ speaker: SpeakerID?, _ text: String) -> Segment {
        Segment(index: index, start: start, end: start + 2, speaker: speaker, text: text)
    }

    static func state(size: TerminalSize = .standard) -> ConsoleState {
        ConsoleState(
            title: "Weekly sync",
            recordingsPath: "/home/ana/Recordings",
            modelNames: ["whisper tiny.en", "silero-vad", "3d-speaker"],
            enrolledNames: ["Alice", "Alan", "Bob"],
            size: size
        )
    }

    /// A machine whose speakers were already named, so no "Who is this?" prompt interferes.
    static func machine(size: TerminalSize = .standard) -> ConsoleStateMachine {
        var machine = ConsoleStateMachine(state: state(size: size))
        machine.send(
            .speakerAppeared(speaker(first, ordinal: 1, name: "Alice")),
            .speakerAppeared(speaker(second, ordinal: 2, name: "Bob"))
        )
        return machine
    }

    static func render(_ state: ConsoleState, size: TerminalSize? = nil, theme: Theme = .standard) -> CellGrid {
        ScreenRenderer().render(state, theme: theme, size: size ?? state.size)
    }
}

extension ConsoleStateMachine {
    /// Handles each event in turn and returns every action.
    @discardableResult
    mutating func send(_ events: ConsoleEvent...) -> [ConsoleAction] {
        events.flatMap { handle($0) }
    }

    /// Presses `keys` in turn.
    @discardableResult
    mutating func press(_ keys: KeyPress...) -> [ConsoleAction] {
        keys.flatMap { handle(.key($0)) }
    }

    /// Types `text` one character at a time.
    @discardableResult
    mutating func type(_ text: String) -> [ConsoleAction] {
        text.flatMap { handle(.key(.character($0))) }
    }
}
