/// The frames of the "working" spinner, advanced by ticks.
enum Spinner {
    static let frames: [Character] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

    static func frame(_ index: Int) -> Character {
        frames[((index % frames.count) + frames.count) % frames.count]
    }
}
