/// The formats a session can be exported to.
public enum ExportFormat: String, CaseIterable, Sendable, Codable {
    /// Markdown minutes: summary, decisions, action items, then the transcript.
    case markdown = "md"
    /// The versioned JSON manifest: everything Minutes knows about the session.
    case json
    /// SubRip subtitles.
    case srt
    /// WebVTT subtitles with voice tags.
    case vtt
    /// NIST Rich Transcription Time Marked speaker turns, for diarization scoring.
    case rttm
    /// A plain transcript, one line per segment.
    case txt

    /// The file name extension, without the dot.
    public var fileExtension: String { rawValue }

    /// Renders `manifest` in this format.
    ///
    /// The same manifest always gives the same bytes.
    public func render(_ manifest: ExportManifest) -> String {
        switch self {
        case .markdown: MarkdownMinutes.render(manifest)
        case .json: manifest.jsonText()
        case .srt: SubtitleCues.render(manifest, style: .subRip)
        case .vtt: SubtitleCues.render(manifest, style: .webVTT)
        case .rttm: RTTMTurns.render(manifest)
        case .txt: PlainTranscript.render(manifest)
        }
    }
}
