import Foundation

/// SubRip (`.srt`) and WebVTT (`.vtt`) subtitles: one cue per segment, lines wrapped for
/// reading on screen.
public enum SubtitleCues {
    /// The two subtitle dialects differ only in header, time separator and speaker markup.
    public enum Style: Sendable {
        case subRip
        case webVTT
    }

    /// Subtitle guidelines keep lines to about 42 characters.
    static let lineWidth = 42

    public static func render(_ manifest: ExportManifest, style: Style) -> String {
        var output = style == .webVTT ? "WEBVTT\n\n" : ""
        for (number, segment) in manifest.segments.enumerated() {
            let separator: Character = style == .webVTT ? "." : ","
            let start = Timecode.subtitle(segment.start, fractionSeparator: separator)
            let end = Timecode.subtitle(max(segment.end, segment.start), fractionSeparator: separator)
            let label = manifest.speakerLabel(of: segment.speaker)
            let body: String
            switch style {
            case .subRip:
                body = wrap(label.map { "\($0): " }.map { $0 + segment.text } ?? segment.text)
            case .webVTT:
                body = (label.map { "<v \(escape($0))>" } ?? "") + escape(wrap(segment.text))
            }
            output += "\(number + 1)\n\(start) --> \(end)\n\(body)\n\n"
        }
        return output
    }

    /// Breaks `text` at spaces into lines of at most ``lineWidth`` characters (a longer
    /// single word keeps its own line).
    static func wrap(_ text: String) -> String {
        var lines: [String] = []
        var current = ""
        for word in text.split(whereSeparator: \.isWhitespace) {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= lineWidth {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.joined(separator: "\n")
    }

    /// WebVTT cue text is markup: `&`, `<` and `>` must be written as entities.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
