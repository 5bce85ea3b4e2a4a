/// Gives each transcribed word to the speaker whose turn covers it best, and splits
/// transcript segments where the speaker changes.
///
/// Whisper's segments follow pauses, not voices, so one segment can hold two people; the
/// word timings are what lets the diarizer's turns cut it correctly.
public enum WordAttribution {
    /// Segments with cluster labels taken from `turns`.
    public static func attribute(_ segments: [SegmentDraft], to turns: [SpeakerTurn]) -> [SegmentDraft] {
        guard !turns.isEmpty else { return segments }
        var result: [SegmentDraft] = []
        for segment in segments {
            guard !segment.words.isEmpty else {
                var whole = segment
                whole.cluster = speaker(from: segment.start, to: segment.end, in: turns)
                result.append(whole)
                continue
            }
            var current: SegmentDraft?
            for word in segment.words {
                let cluster = speaker(from: word.start, to: word.end, in: turns)
                if var open = current, open.cluster == cluster {
                    open.words.append(word)
                    open.end = max(open.end, word.end)
                    current = open
                } else {
                    if let open = current { result.append(finished(open)) }
                    current = SegmentDraft(start: word.start, end: word.end, cluster: cluster, text: "", words: [word])
                }
            }
            if let open = current { result.append(finished(open)) }
        }
        return result
    }

    /// The speaker overlapping `start…end` the most, or the nearest turn's when none overlaps.
    static func speaker(from start: Double, to end: Double, in turns: [SpeakerTurn]) -> String? {
        var best: SpeakerTurn?
        var bestScore = -Double.infinity
        for turn in turns {
            // The overlap in seconds; negative, the gap to the turn, when they do not meet.
            let score = min(end, turn.end) - max(start, turn.start)
            if score > bestScore {
                bestScore = score
                best = turn
            }
        }
        return best?.speaker
    }

    private static func finished(_ draft: SegmentDraft) -> SegmentDraft {
        var done = draft
        done.text = draft.words.map(\.text).joined(separator: " ")
        return done
    }
}
