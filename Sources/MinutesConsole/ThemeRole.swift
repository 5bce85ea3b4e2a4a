/// A part of the screen that a theme styles; its `key` is what theme files write.
public struct ThemeRole: Hashable, Sendable, CustomStringConvertible {
    public let key: String

    private init(_ key: String) { self.key = key }

    /// The top bar: title and elapsed time.
    public static let header = ThemeRole("header")
    /// `● REC` while capturing.
    public static let headerRecording = ThemeRole("header.recording")
    /// `❚❚ PAUSED`.
    public static let headerPaused = ThemeRole("header.paused")
    /// `! NO INPUT` when the device is gone.
    public static let headerAlert = ThemeRole("header.alert")
    /// The second header line: models, dropped chunks, recordings directory.
    public static let headerInfo = ThemeRole("header.info")
    /// The filled part of the input level meter.
    public static let meter = ThemeRole("meter")
    /// The meter near clipping.
    public static let meterPeak = ThemeRole("meter.peak")
    /// Timestamps in the timeline.
    public static let time = ThemeRole("time")
    /// Final caption text.
    public static let text = ThemeRole("text")
    /// The caption still being spoken: shown dim until the final one replaces it.
    public static let partial = ThemeRole("partial")
    public static let bookmark = ThemeRole("bookmark")
    /// Placeholder text in an empty timeline.
    public static let placeholder = ThemeRole("placeholder")
    /// Text matching the search.
    public static let searchHit = ThemeRole("search.hit")
    /// The match the view is on.
    public static let searchCurrent = ThemeRole("search.current")
    /// The bottom bar.
    public static let status = ThemeRole("status")
    /// Key names in the bottom bar's hints.
    public static let statusKey = ThemeRole("status.key")
    public static let statusMessage = ThemeRole("status.message")
    public static let statusError = ThemeRole("status.error")
    public static let promptBorder = ThemeRole("prompt.border")
    public static let promptTitle = ThemeRole("prompt.title")
    public static let promptText = ThemeRole("prompt.text")
    /// What the user types.
    public static let promptInput = ThemeRole("prompt.input")
    public static let promptHint = ThemeRole("prompt.hint")
    /// The highlighted row of a menu or picker.
    public static let selection = ThemeRole("selection")
    /// The "make the window larger" message.
    public static let warning = ThemeRole("warning")

    /// How many speaker colours a theme defines.
    public static let speakerColorCount = 8

    /// The colour of the speaker with `colorIndex` (0-based, wrapping after eight).
    public static func speaker(_ colorIndex: Int) -> ThemeRole {
        let wrapped = ((colorIndex % speakerColorCount) + speakerColorCount) % speakerColorCount
        return ThemeRole("speaker.\(wrapped + 1)")
    }

    /// Every role, in the order theme files list them.
    public static let all: [ThemeRole] =
        [
            .header, .headerRecording, .headerPaused, .headerAlert, .headerInfo, .meter, .meterPeak, .time, .text,
            .partial, .bookmark, .placeholder, .searchHit, .searchCurrent,
        ]
        + (0..<speakerColorCount).map(speaker)
        + [
            .status, .statusKey, .statusMessage, .statusError, .promptBorder, .promptTitle, .promptText, .promptInput,
            .promptHint, .selection, .warning,
        ]

    /// The role a theme file key names, if any.
    public init?(key: String) {
        guard let role = ThemeRole.all.first(where: { $0.key == key }) else { return nil }
        self = role
    }

    public var description: String { key }
}
