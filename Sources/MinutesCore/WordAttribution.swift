/// Gives each transcribed word to the speaker whose turn covers it best, and splits
/// transcript segments where the speaker changes.
///
/// Whisper's segments follow pauses, not voices, so one segment can hold two people; the
/// word timings are what lets the diarizer's turns cut it correctly.
public enum WordAttribution {
    /// Segments with cluster labels taken from `turns`.
    ///
    /// Each word goes to the turn it overlaps most; then a speaker change that falls a few
    /// words from a sentence end is moved to that sentence end. Whisper's token times drift by
    /// a few hundred milliseconds around pauses, which otherwise hands the first word of one
    /// person's sentence to the person before ("… the new version. I" | "will email …").
    ///
    /// - Parameter forced: a label a word must have whatever the turns and the snapping say
    ///   (refine gives a forgotten speaker's words back to them, to stay redacted), or nil.
    public static func attribute(
        _ segments: [SegmentDraft],
        to turns: [SpeakerTurn],
        forcing forced: (Word) -> String? = { _ in nil }
    ) -> [SegmentDraft] {
        guard !turns.isEmpty else { return segments }
        let words = segments.flatMap(\.words)
        let snapped = SentenceSnapping.snap(words.map { speaker(from: $0.start, to: $0.end, in: turns) }, words: words)
        let labels = zip(words, snapped).map { word, label in forced(word) ?? label }
        var result: [SegmentDraft] = []
        var next = labels.startIndex
        for segment in segments {
            guard !segment.words.isEmpty else {
                var whole = segment
                whole.cluster = speaker(from: segment.start, to: segment.end, in: turns)
                result.append(whole)
                continue
            }
            var current: SegmentDraft?
            for word in segment.words {
                let cluster = labels[next]
                next += 1
                if var open = current, open.cluster == cluster {
                    open.words.append(word)
                    open.end = max(open.end, word.end)
                    current = open
                } else {
                    if let open = current { result.append(finished(open)) }
                    current = SegmentDraft(
                        start: word.start,
                        end: word.end,
                        cluster: cluster,
                        text: "",
                        words: [word],
                        language: segment.language
                    )
                }
            }
            if let open = current { result.append(finished(open)) }
        }
        return joinedRuns(result)
    }

    /// Joins consecutive segments of one speaker separated by less than `maximumGap` seconds,
    /// so a speaker's sentence cut by Whisper's segmenting reads as one line.
    ///
    /// Segments in two languages stay apart, so each keeps the language it was heard in.
    static func joinedRuns(
        _ segments: [SegmentDraft],
        maximumGap: Double = 0.5,
        maximumLength: Double = 30
    ) -> [SegmentDraft] {
        var joined: [SegmentDraft] = []
        for segment in segments {
            if let last = joined.last, last.cluster == segment.cluster, last.language == segment.language,
                segment.start - last.end <= maximumGap,
                segment.end - last.start <= maximumLength
            {
                joined[joined.count - 1].end = max(last.end, segment.end)
                joined[joined.count - 1].words += segment.words
                joined[joined.count - 1].text = last.text + " " + segment.text
            } else {
                joined.append(segment)
            }
        }
        return joined
    }

    /// The speaker overlapping `start…end` the most, or the nearest turn's when none overlaps.
    ///
    /// Between turns that overlap it equally (a word timed as an instant overlaps every turn
    /// around it by zero seconds), the shorter turn wins: a long turn spanning a short one is
    /// a voice talking around someone else's remark, and the remark is the words heard there.
    static func speaker(from start: Double, to end: Double, in turns: [SpeakerTurn]) -> String? {
        var best: SpeakerTurn?
        var bestScore = -Double.infinity
        for turn in turns {
            // The overlap in seconds; negative, the gap to the turn, when they do not meet.
            let score = min(end, turn.end) - max(start, turn.start)
            if score > bestScore || (score == bestScore && best.map { turn.duration < $0.duration } ?? false) {
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
