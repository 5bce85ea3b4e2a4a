/// A plain transcript: `[hh:mm:ss] Speaker: text`, one line per segment.
public enum PlainTranscript {
    public static func render(_ manifest: ExportManifest) -> String {
        manifest.segments.map { segment in
            "[\(Timecode.clock(seconds: segment.start))] \(manifest.displayName(of: segment.speaker)): \(segment.text)\n"
        }.joined()
    }
}
