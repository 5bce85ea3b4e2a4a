/// The keys the `?` overlay lists, short enough for two columns in a 60-column window.
enum HelpText {
    static let entries: [(key: String, label: String)] = [
        ("space", "pause / resume"),
        ("s", "summary"),
        ("e", "export"),
        ("l", "label a speaker"),
        ("f", "forget a speaker"),
        ("b", "bookmark now"),
        ("/", "search"),
        ("g", "search all meetings"),
        ("r", "background refines"),
        ("n N", "next / previous"),
        ("↑ ↓", "scroll a line"),
        ("PgUp PgDn", "scroll a page"),
        ("Home", "go to the start"),
        ("End", "follow new lines"),
        ("Esc", "close / cancel"),
        ("q", "quit"),
    ]

    /// Columns for the key names.
    static let keyWidth = 10
    /// Columns for a key and its label.
    static let columnWidth = keyWidth + 17
}
