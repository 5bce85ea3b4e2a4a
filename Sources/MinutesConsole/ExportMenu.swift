import MinutesCore

/// The entries of the `e` menu.
public enum ExportMenu {
    /// In menu order; a digit key picks the entry with that number.
    public static let formats: [ExportFormat] = [.markdown, .json, .srt, .vtt, .rttm, .txt]

    /// What the menu and status messages call `format`.
    public static func label(of format: ExportFormat) -> String {
        switch format {
        case .markdown: "Markdown minutes"
        case .json: "JSON manifest"
        case .srt: "SRT subtitles"
        case .vtt: "WebVTT subtitles"
        case .rttm: "RTTM speaker turns"
        case .txt: "Plain text"
        }
    }

    /// The letter that picks `format` in the menu.
    public static func mnemonic(of format: ExportFormat) -> Character {
        switch format {
        case .markdown: "m"
        case .json: "j"
        case .srt: "s"
        case .vtt: "v"
        case .rttm: "r"
        case .txt: "t"
        }
    }
}
