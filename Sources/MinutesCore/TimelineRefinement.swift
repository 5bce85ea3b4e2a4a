/// A careful second pass over a meeting's recording, laid over its live timeline so that what
/// the user did live survives: names given, enrolled voices, forgotten speakers.
///
/// Both passes label the same samples, so live speakers are mapped to the careful pass's voices
/// by how long they speak at the same moments (the one-to-one mapping with the most shared
/// time, as diarization scoring maps speakers). That is direct evidence; comparing voice prints
/// of the two passes would compare two noisy estimates of those same samples.
///
/// Two rules put the user's word above the careful pass:
/// - a stretch of speech that the user named or forgot live keeps that live speaker even when
///   the careful pass heard it as part of another voice (two people the user named apart stay
///   apart);
/// - a forgotten speaker's words stay redacted: every refined segment with a word spoken while
///   they spoke live (with ``forgottenMargin`` either side) is redacted, whoever it is given to,
///   so their words are never stored in the clear again.
public struct TimelineRefinement: Sendable, Equatable {
    /// A voice the careful pass heard differently from the live one.
    public enum Change: Hashable, Sendable {
        /// The careful pass heard a second voice within what was one live speaker: `into` is new.
        case split(SpeakerID, into: SpeakerID)
        /// The careful pass heard what were two live speakers as one voice, now `into`; where the
        /// user had named or forgotten the first, those words stay theirs.
        case merged(SpeakerID, into: SpeakerID)
    }

    /// Seconds added either side of a forgotten speaker's live segments when redacting: live
    /// segment times are a fast pass's estimate.
    public static let forgottenMargin = 0.5

    /// The session's speakers afterwards: every live one (those the careful pass no longer hears
    /// keep their records and names) and the new voices, by ordinal.
    public private(set) var speakers: [Speaker]
    /// The speaker each of the careful pass's cluster labels became.
    public private(set) var voices: [String: SpeakerID]
    /// The refined timeline, indexed from 0.
    public private(set) var segments: [Segment]
    public private(set) var changes: [Change]

    /// - Parameters:
    ///   - live: the session as it stands (its speakers and timeline).
    ///   - refined: the careful pass's segments, each with its voice's cluster label.
    public init(live: ExportManifest, refined: [SegmentDraft]) {
        let session = live.session.id
        let liveSpeakers = live.speakers.sorted { $0.ordinal < $1.ordinal }
        let clusters = refined.compactMap(\.cluster).reduce(into: [String]()) { seen, cluster in
            if !seen.contains(cluster) { seen.append(cluster) }
        }
        let shared = clusters.map { cluster in
            liveSpeakers.map { speaker in
                refined.filter { $0.cluster == cluster }.reduce(0) { total, draft in
                    total + Self.sharedSeconds(draft.start, draft.end, live.segments, speaker: speaker.id)
                }
            }
        }
        var mapped: [String: Speaker] = [:]
        if !liveSpeakers.isEmpty, !clusters.isEmpty {
            let assignment = HungarianAssignment(uncheckedMaximizing: shared)
            for (row, column) in assignment.columns.enumerated() {
                if let column, shared[row][column] > 0 { mapped[clusters[row]] = liveSpeakers[column] }
            }
        }

        var speakers = liveSpeakers
        var created: [SpeakerID: Int] = [:]
        for (row, cluster) in clusters.enumerated() where mapped[cluster] == nil {
            let speaker = Speaker.new(cluster: "refined-" + cluster, session: session, existing: speakers)
            speakers.append(speaker)
            mapped[cluster] = speaker
            created[speaker.id] = row
        }

        // The user's word comes first: the live stretches of named and forgotten speakers
        // (forgotten ones widened by the margin) are turns of their own, cut out of the careful
        // pass's turns, and the words are given out again over those turns.
        let acted = live.segments.compactMap { segment -> SpeakerTurn? in
            guard let id = segment.speaker, let speaker = liveSpeakers.first(where: { $0.id == id }),
                speaker.name != nil || speaker.isForgotten
            else { return nil }
            let margin = speaker.isForgotten ? Self.forgottenMargin : 0
            return SpeakerTurn(speaker: id.rawValue, start: segment.start - margin, end: segment.end + margin)
        }
        let carefulTurns = refined.compactMap { draft in
            draft.cluster.flatMap { mapped[$0] }.map {
                SpeakerTurn(speaker: $0.id.rawValue, start: draft.start, end: draft.end)
            }
        }
        let forgotten = acted.filter { turn in
            liveSpeakers.contains { $0.id.rawValue == turn.speaker && $0.isForgotten }
        }
        let attributed = WordAttribution.attribute(
            refined,
            to: Self.cut(carefulTurns, by: acted) + acted,
            forcing: { word in
                let middle = (word.start + word.end) / 2
                return forgotten.first { $0.start <= middle && middle <= $0.end }?.speaker
            }
        )
        let byID = Dictionary(uniqueKeysWithValues: speakers.map { ($0.id, $0) })
        let segments = attributed.enumerated().map { index, draft in
            let speaker = draft.cluster.map(SpeakerID.init(rawValue:))
            let segment = Segment(
                index: index,
                start: draft.start,
                end: draft.end,
                speaker: speaker,
                text: draft.text,
                words: draft.words,
                language: draft.language
            )
            let wordless = draft.words.isEmpty && forgotten.contains { draft.start < $0.end && $0.start < draft.end }
            return speaker.flatMap { byID[$0] }?.isForgotten == true || wordless ? segment.redacted : segment
        }

        // New voices that kept no words (the user's names took them back) are not created, and
        // changes are told from where the words ended up.
        let owners = Set(segments.compactMap(\.speaker))
        var nextOrdinal = (liveSpeakers.map(\.ordinal).max() ?? 0) + 1
        self.speakers = speakers.filter { created[$0.id] == nil || owners.contains($0.id) }.map { speaker in
            guard created[speaker.id] != nil else { return speaker }
            var speaker = speaker
            speaker.ordinal = nextOrdinal
            nextOrdinal += 1
            return speaker
        }
        voices = mapped.filter { owners.contains($0.value.id) || created[$0.value.id] == nil }.mapValues(\.id)
        var changes: [Change] = []
        for speaker in self.speakers {
            if let row = created[speaker.id], let column = Self.largest(shared[row]) {
                changes.append(.split(liveSpeakers[column].id, into: speaker.id))
            }
        }
        for speaker in liveSpeakers where !owners.contains(speaker.id) {
            var taken: [SpeakerID: Double] = [:]
            for segment in segments {
                guard let owner = segment.speaker else { continue }
                taken[owner, default: 0] += Self.sharedSeconds(
                    segment.start,
                    segment.end,
                    live.segments,
                    speaker: speaker.id
                )
            }
            if let taker = taken.filter({ $0.value > 0 }).max(by: {
                ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue)
            }) {
                changes.append(.merged(speaker.id, into: taker.key))
            }
        }
        self.segments = segments
        self.changes = changes
    }

    /// Seconds of `start..<end` during which `speaker` spoke in the live timeline.
    private static func sharedSeconds(_ start: Double, _ end: Double, _ live: [Segment], speaker: SpeakerID) -> Double {
        live.filter { $0.speaker == speaker }.reduce(0) { $0 + max(0, min(end, $1.end) - max(start, $1.start)) }
    }

    /// `turns` with the stretches of `cuts` taken out of them.
    private static func cut(_ turns: [SpeakerTurn], by cuts: [SpeakerTurn]) -> [SpeakerTurn] {
        cuts.reduce(turns) { remaining, cut in
            remaining.flatMap { turn -> [SpeakerTurn] in
                guard turn.start < cut.end, cut.start < turn.end else { return [turn] }
                var pieces: [SpeakerTurn] = []
                if turn.start < cut.start {
                    pieces.append(SpeakerTurn(speaker: turn.speaker, start: turn.start, end: cut.start))
                }
                if cut.end < turn.end {
                    pieces.append(SpeakerTurn(speaker: turn.speaker, start: cut.end, end: turn.end))
                }
                return pieces
            }
        }
    }

    /// The index of the largest positive entry.
    private static func largest(_ values: [Double]) -> Int? {
        values.indices.filter { values[$0] > 0 }.max { values[$0] < values[$1] }
    }
}
