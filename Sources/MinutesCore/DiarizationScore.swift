/// Diarization error rate (DER) and Jaccard error rate (JER) of one recording's speaker turns against a reference.
///
/// DER follows NIST md-eval and pyannote.metrics with overlapping speech scored. Time is cut into elementary
/// segments at every reference, hypothesis and collar boundary; in each scored segment of duration `d` with
/// `nRef` reference speakers, `nHyp` hypothesis speakers and `nCorrect` reference speakers whose mapped
/// hypothesis speaker is also active:
///
/// - missed += d·max(0, nRef − nHyp), false alarm += d·max(0, nHyp − nRef),
/// - confusion += d·(min(nRef, nHyp) − nCorrect), total += d·nRef,
///
/// and DER = (missed + false alarm + confusion) / total. The mapping is the one-to-one mapping between reference
/// and hypothesis speakers with the most scored overlap, found by ``HungarianAssignment``. Regions within
/// `collar` seconds of any reference turn's start or end are not scored.
///
/// JER follows DIHARD III (`dscore`): the mapping there maximizes the summed Jaccard index
/// |ref ∩ hyp| / |ref ∪ hyp| instead of overlap, each reference speaker's error is 1 − Jaccard with its mapped
/// speaker (1 when unmapped), and JER is their mean. As in `dscore`, JER ignores the collar and is computed
/// on continuous time rather than 10 ms frames.
///
/// Choices where tools differ, decided here:
/// - `collar` is the forgiveness on each side of a boundary, as md-eval's `-c` and `dscore --collar` take it.
///   pyannote's `collar` is the total width, so pyannote `collar=0.5` matches `collar: 0.25` here.
/// - A speaker counts once in a segment even when two of their own turns overlap. md-eval rejects such files and
///   pyannote counts the overlap twice; on files without them all three agree. Turns of zero length are ignored
///   (they hold no speech and add no collar). Touching turns of one speaker each get their collars, as in both
///   tools.
/// - Without a UEM every instant is scorable, which matches pyannote's default of scoring the span from the
///   first to the last turn: outside it nobody speaks, so nothing would be counted anyway.
/// - With no reference speech a rate is 0 if there is no error and 1 otherwise, as `dscore` reports it.
public struct DiarizationScore: Sendable, Equatable {
    /// Scored reference speaker time not covered by enough hypothesis speakers, in seconds.
    public var missed: Double
    /// Scored hypothesis speaker time beyond the number of reference speakers, in seconds.
    public var falseAlarm: Double
    /// Scored time attributed to a hypothesis speaker not mapped to the reference speaker, in seconds.
    public var confusion: Double
    /// Scored reference speaker time attributed to the mapped hypothesis speaker, in seconds.
    public var correct: Double
    /// Scored reference speaker time in seconds: an instant with two reference speakers counts twice.
    public var total: Double
    /// Reference speaker → hypothesis speaker, as used for DER; speakers with no scored overlap are absent.
    ///
    /// Empty for a pooled score, whose labels come from different recordings.
    public var mapping: [String: String]
    /// Reference speaker → hypothesis speaker, as used for JER; speakers that share no time are absent.
    ///
    /// Empty for a pooled score.
    public var jaccardMapping: [String: String]
    /// Each reference speaker's Jaccard error, 1 − |ref ∩ hyp| / |ref ∪ hyp| with its mapped speaker.
    ///
    /// Empty for a pooled score.
    public var speakerJaccardErrors: [String: Double]
    /// The sum of the reference speakers' Jaccard errors, kept so that pooled scores average over speakers.
    public var jaccardErrorSum: Double
    /// Reference speakers with any speech, scored or not.
    public var referenceSpeakers: Int
    /// Hypothesis speakers with any speech, scored or not.
    public var hypothesisSpeakers: Int

    /// No time and no speakers: the identity for pooling with `+`.
    public static let zero = DiarizationScore(
        missed: 0,
        falseAlarm: 0,
        confusion: 0,
        correct: 0,
        total: 0,
        mapping: [:],
        jaccardMapping: [:],
        speakerJaccardErrors: [:],
        jaccardErrorSum: 0,
        referenceSpeakers: 0,
        hypothesisSpeakers: 0
    )

    /// The diarization error rate, (missed + false alarm + confusion) / total; it can exceed 1.
    public var errorRate: Double { Self.rate(missed + falseAlarm + confusion, of: total) }
    public var missedRate: Double { Self.rate(missed, of: total) }
    public var falseAlarmRate: Double { Self.rate(falseAlarm, of: total) }
    public var confusionRate: Double { Self.rate(confusion, of: total) }

    /// The Jaccard error rate, the mean Jaccard error over reference speakers, between 0 and 1.
    ///
    /// With no reference speaker it is 1 if the hypothesis has speech and 0 otherwise, as in `dscore`.
    public var jaccardErrorRate: Double {
        guard referenceSpeakers > 0 else { return hypothesisSpeakers > 0 ? 1 : 0 }
        return jaccardErrorSum / Double(referenceSpeakers)
    }

    /// Pools two recordings the way pyannote's "TOTAL" and `dscore`'s "OVERALL" rows do.
    ///
    /// Seconds add up, so pooled DER weighs every second of reference speech equally, and Jaccard errors add up
    /// with their speaker counts, so pooled JER weighs every reference speaker equally. Mappings and
    /// per-speaker errors are dropped because labels from different recordings are unrelated.
    public static func + (lhs: DiarizationScore, rhs: DiarizationScore) -> DiarizationScore {
        DiarizationScore(
            missed: lhs.missed + rhs.missed,
            falseAlarm: lhs.falseAlarm + rhs.falseAlarm,
            confusion: lhs.confusion + rhs.confusion,
            correct: lhs.correct + rhs.correct,
            total: lhs.total + rhs.total,
            mapping: [:],
            jaccardMapping: [:],
            speakerJaccardErrors: [:],
            jaccardErrorSum: lhs.jaccardErrorSum + rhs.jaccardErrorSum,
            referenceSpeakers: lhs.referenceSpeakers + rhs.referenceSpeakers,
            hypothesisSpeakers: lhs.hypothesisSpeakers + rhs.hypothesisSpeakers
        )
    }

    /// Scores one recording's hypothesis turns against its reference turns.
    ///
    /// Runs in O(n log n) for n turns (one sort of all boundaries, then one sweep) plus the speaker mapping,
    /// so a three-hour meeting with thousands of turns takes milliseconds.
    ///
    /// - Parameters:
    ///   - reference: The true speaker turns; labels are compared within the reference only.
    ///   - hypothesis: The system's speaker turns; its labels need not resemble the reference's.
    ///   - collar: Seconds on each side of every reference turn boundary left unscored, forgiving imprecise
    ///     hand-marked boundaries. 0.25 is the usual value (NIST RT, AMI, VoxConverse); DIHARD uses 0.
    /// - Returns: The error components in seconds, their rates, both mappings and the JER.
    /// - Throws: ``MinutesError`` `.invalidInput` for a negative or non-finite collar, or a turn whose times are
    ///   not finite or that ends before it starts.
    public static func measure(
        reference: [RTTM.Turn],
        hypothesis: [RTTM.Turn],
        collar: Double = 0.25
    ) throws(MinutesError) -> DiarizationScore {
        guard collar.isFinite, collar >= 0 else {
            throw MinutesError(.invalidInput, "the collar must be a non-negative number of seconds, not \(collar)")
        }
        try validate(reference, role: "reference")
        try validate(hypothesis, role: "hypothesis")
        let timeline = Timeline(reference: reference, hypothesis: hypothesis, collar: collar)
        return timeline.score()
    }

    private static func validate(_ turns: [RTTM.Turn], role: String) throws(MinutesError) {
        for (index, turn) in turns.enumerated() {
            guard turn.start.isFinite, turn.end.isFinite else {
                throw MinutesError(.invalidInput, "\(role) turn \(index + 1) has a time that is not a finite number")
            }
            guard turn.end >= turn.start else {
                throw MinutesError(
                    .invalidInput,
                    "\(role) turn \(index + 1) (speaker \(turn.speaker)) ends at \(turn.end) before it starts at "
                        + "\(turn.start)"
                )
            }
        }
    }

    private static func rate(_ seconds: Double, of total: Double) -> Double {
        guard total > 0 else { return seconds > 0 ? 1 : 0 }
        return seconds / total
    }
}

/// The elementary segments of one recording and the speakers active in each, built by one sweep over the
/// sorted boundaries.
private struct Timeline {
    /// A place where a speaker starts or stops, or a collar opens or closes.
    private struct Boundary {
        enum Layer { case reference, hypothesis, collar }
        var time: Double
        var layer: Layer
        var speaker: Int
        var change: Int
    }

    /// A scored elementary segment; its speakers are ranges into `scoredReference` and `scoredHypothesis`.
    private struct Piece {
        var duration: Double
        var reference: Range<Int>
        var hypothesis: Range<Int>
    }

    private let referenceNames: [String]
    private let hypothesisNames: [String]
    private var pieces: [Piece] = []
    private var scoredReference: [Int] = []
    private var scoredHypothesis: [Int] = []
    /// Scored time each reference speaker (row) shares with each hypothesis speaker (column), for DER.
    private var scoredOverlap: [Double]
    /// All time each pair shares, and all time each speaker speaks, collar or not, for JER.
    private var overlap: [Double]
    private var referenceSpeech: [Double]
    private var hypothesisSpeech: [Double]

    init(reference: [RTTM.Turn], hypothesis: [RTTM.Turn], collar: Double) {
        let reference = reference.filter { $0.end > $0.start }
        let hypothesis = hypothesis.filter { $0.end > $0.start }
        // Sorted names give speaker indices, and so mappings among equally good ones, that do not depend on
        // the order of the turns.
        referenceNames = Set(reference.map(\.speaker)).sorted()
        hypothesisNames = Set(hypothesis.map(\.speaker)).sorted()
        scoredOverlap = Array(repeating: 0, count: referenceNames.count * hypothesisNames.count)
        overlap = scoredOverlap
        referenceSpeech = Array(repeating: 0, count: referenceNames.count)
        hypothesisSpeech = Array(repeating: 0, count: hypothesisNames.count)

        var boundaries: [Boundary] = []
        boundaries.reserveCapacity(2 * hypothesis.count + (collar > 0 ? 6 : 2) * reference.count)
        let referenceIndex = Dictionary(uniqueKeysWithValues: referenceNames.enumerated().map { ($1, $0) })
        for turn in reference {
            let speaker = referenceIndex[turn.speaker]!
            boundaries.append(Boundary(time: turn.start, layer: .reference, speaker: speaker, change: 1))
            boundaries.append(Boundary(time: turn.end, layer: .reference, speaker: speaker, change: -1))
            guard collar > 0 else { continue }
            for edge in [turn.start, turn.end] {
                boundaries.append(Boundary(time: edge - collar, layer: .collar, speaker: 0, change: 1))
                boundaries.append(Boundary(time: edge + collar, layer: .collar, speaker: 0, change: -1))
            }
        }
        let hypothesisIndex = Dictionary(uniqueKeysWithValues: hypothesisNames.enumerated().map { ($1, $0) })
        for turn in hypothesis {
            let speaker = hypothesisIndex[turn.speaker]!
            boundaries.append(Boundary(time: turn.start, layer: .hypothesis, speaker: speaker, change: 1))
            boundaries.append(Boundary(time: turn.end, layer: .hypothesis, speaker: speaker, change: -1))
        }
        boundaries.sort { $0.time < $1.time }
        sweep(boundaries)
    }

    /// Walks the boundaries in time order, keeping who is active, and records every elementary segment.
    ///
    /// Turn counts per speaker (not flags) make a speaker's own overlapping or touching turns count once.
    /// Active lists stay as short as the number of simultaneous speakers, so updates are effectively O(1).
    private mutating func sweep(_ boundaries: [Boundary]) {
        let hypothesisCount = hypothesisNames.count
        var referenceTurns = [Int](repeating: 0, count: referenceNames.count)
        var hypothesisTurns = [Int](repeating: 0, count: hypothesisCount)
        var activeReference: [Int] = []
        var activeHypothesis: [Int] = []
        var openCollars = 0
        var index = 0
        while index < boundaries.count {
            let time = boundaries[index].time
            while index < boundaries.count, boundaries[index].time == time {
                let boundary = boundaries[index]
                switch boundary.layer {
                case .reference:
                    Self.apply(boundary, to: &referenceTurns, active: &activeReference)
                case .hypothesis:
                    Self.apply(boundary, to: &hypothesisTurns, active: &activeHypothesis)
                case .collar:
                    openCollars += boundary.change
                }
                index += 1
            }
            guard index < boundaries.count, !(activeReference.isEmpty && activeHypothesis.isEmpty) else { continue }
            let duration = boundaries[index].time - time
            for speaker in activeReference {
                referenceSpeech[speaker] += duration
                for other in activeHypothesis { overlap[speaker * hypothesisCount + other] += duration }
            }
            for other in activeHypothesis { hypothesisSpeech[other] += duration }
            guard openCollars == 0 else { continue }
            for speaker in activeReference {
                for other in activeHypothesis { scoredOverlap[speaker * hypothesisCount + other] += duration }
            }
            let referenceStart = scoredReference.count
            let hypothesisStart = scoredHypothesis.count
            scoredReference += activeReference
            scoredHypothesis += activeHypothesis
            pieces.append(
                Piece(
                    duration: duration,
                    reference: referenceStart..<scoredReference.count,
                    hypothesis: hypothesisStart..<scoredHypothesis.count
                )
            )
        }
    }

    private static func apply(_ boundary: Boundary, to turns: inout [Int], active: inout [Int]) {
        turns[boundary.speaker] += boundary.change
        if boundary.change > 0, turns[boundary.speaker] == 1 {
            active.append(boundary.speaker)
        } else if boundary.change < 0, turns[boundary.speaker] == 0,
            let position = active.firstIndex(of: boundary.speaker)
        {
            active.swapAt(position, active.count - 1)
            active.removeLast()
        }
    }

    /// Maps speakers, then counts errors segment by segment exactly as the definition reads.
    func score() -> DiarizationScore {
        let hypothesisCount = hypothesisNames.count
        let overlapMatrix = referenceNames.indices.map { row in
            Array(scoredOverlap[row * hypothesisCount..<(row + 1) * hypothesisCount])
        }
        let assignment = HungarianAssignment(uncheckedMaximizing: overlapMatrix)
        var mapped = [Int?](repeating: nil, count: referenceNames.count)
        var mapping: [String: String] = [:]
        for (row, column) in assignment.columns.enumerated() {
            guard let column, overlapMatrix[row][column] > 0 else { continue }
            mapped[row] = column
            mapping[referenceNames[row]] = hypothesisNames[column]
        }

        var score = DiarizationScore.zero
        for piece in pieces {
            let referenceCount = piece.reference.count
            let hypothesisCount = piece.hypothesis.count
            let active = scoredHypothesis[piece.hypothesis]
            var matched = 0
            for speaker in scoredReference[piece.reference] {
                if let partner = mapped[speaker], active.contains(partner) { matched += 1 }
            }
            score.total += piece.duration * Double(referenceCount)
            score.missed += piece.duration * Double(max(0, referenceCount - hypothesisCount))
            score.falseAlarm += piece.duration * Double(max(0, hypothesisCount - referenceCount))
            score.confusion += piece.duration * Double(min(referenceCount, hypothesisCount) - matched)
            score.correct += piece.duration * Double(matched)
        }
        score.mapping = mapping
        scoreJaccard(into: &score)
        return score
    }

    /// DIHARD's JER: map by the largest summed Jaccard index, then average 1 − Jaccard over reference speakers.
    private func scoreJaccard(into score: inout DiarizationScore) {
        let hypothesisCount = hypothesisNames.count
        let jaccard = referenceNames.indices.map { row in
            (0..<hypothesisCount).map { column in
                let shared = overlap[row * hypothesisCount + column]
                let union = referenceSpeech[row] + hypothesisSpeech[column] - shared
                return union > 0 ? shared / union : 0
            }
        }
        let assignment = HungarianAssignment(uncheckedMaximizing: jaccard)
        for (row, name) in referenceNames.enumerated() {
            var error = 1.0
            if let column = assignment.columns[row], jaccard[row][column] > 0 {
                error = 1 - jaccard[row][column]
                score.jaccardMapping[name] = hypothesisNames[column]
            }
            score.speakerJaccardErrors[name] = error
            score.jaccardErrorSum += error
        }
        score.referenceSpeakers = referenceNames.count
        score.hypothesisSpeakers = hypothesisNames.count
    }
}
