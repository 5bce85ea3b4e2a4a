/// RTTM speaker turns (`SPEAKER <file> 1 <start> <duration> <NA> <NA> <speaker> <NA> <NA>`), the format diarization
/// scorers read.
///
/// Speakers are written by id, since names may contain spaces, which RTTM cannot hold.
public enum RTTMTurns {
    public static func render(_ manifest: ExportManifest) -> String {
        var output = ""
        for segment in manifest.segments {
            let speaker = segment.speaker?.rawValue ?? "unknown"
            let duration = max(0, segment.end - segment.start)
            output +=
                "SPEAKER \(manifest.session.id) 1 \(Timecode.decimal(segment.start)) "
                + "\(Timecode.decimal(duration)) <NA> <NA> \(speaker) <NA> <NA>\n"
        }
        return output
    }
}
