/// Formats seconds for people and for subtitle files, rounding to whole milliseconds so the
/// same session always prints the same digits.
public enum Timecode {
    /// `01:02:03,456` (SubRip) or `01:02:03.456` (WebVTT).
    public static func subtitle(_ seconds: Double, fractionSeparator: Character) -> String {
        let millis = milliseconds(seconds)
        return clock(millis / 1000) + String(fractionSeparator) + pad(millis % 1000, width: 3)
    }

    /// `01:02:03`, for timelines and transcripts.
    public static func clock(seconds: Double) -> String {
        clock(milliseconds(seconds) / 1000)
    }

    /// `12.345`, fixed three decimals, for RTTM and other machine-read columns.
    public static func decimal(_ seconds: Double) -> String {
        let millis = milliseconds(seconds)
        return "\(millis / 1000)." + pad(millis % 1000, width: 3)
    }

    private static func milliseconds(_ seconds: Double) -> Int {
        guard seconds.isFinite, seconds > 0 else { return 0 }
        return Int((seconds * 1000).rounded())
    }

    private static func clock(_ totalSeconds: Int) -> String {
        let hours = totalSeconds / 3600
        let minutes = totalSeconds / 60 % 60
        let seconds = totalSeconds % 60
        return pad(hours, width: 2) + ":" + pad(minutes, width: 2) + ":" + pad(seconds, width: 2)
    }

    private static func pad(_ value: Int, width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
