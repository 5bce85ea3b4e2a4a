/// A plain transcript: `[hh:mm:ss] Speaker: text`, one line per segment.
public enum PlainTranscript {
    public static func render(_ manifest: ExportManifest) -> String {
        manifest.segments.map { segment in
            let label = manifest.speakerLabel(of: segment.speaker).map { "\($0): " } ?? ""
            return "[\(Timecode.clock(seconds: segment.start))] \(label)\(segment.text)\n"
        }.joined()
    }
}
