/// DER and JER of a whole corpus: one ``DiarizationScore`` per recording and the pooled total.
///
/// The pooled total sums seconds over recordings before dividing, as pyannote's "TOTAL" row and md-eval's
/// overall score do, so a long recording counts for more than a short one; pooled JER averages over every
/// reference speaker of every recording, as `dscore` does.
public struct DiarizationReport: Sendable, Equatable {
    /// Each recording's score, by the file id of its RTTM lines.
    public var files: [String: DiarizationScore]
    /// All recordings pooled; see ``DiarizationScore/+(_:_:)``.
    public var total: DiarizationScore

    public init(files: [String: DiarizationScore]) {
        self.files = files
        total = files.keys.sorted().reduce(DiarizationScore.zero) { $0 + files[$1]! }
    }

    /// Scores every recording named in the reference or the hypothesis.
    ///
    /// A recording missing from the hypothesis scores as all missed speech, and one missing from the reference
    /// as all false alarm: RTTM cannot list a recording without speech, so absence means silence. Check the file
    /// ids match before trusting a high score.
    ///
    /// - Parameters:
    ///   - reference: True turns by file id, as ``RTTM/parse(_:)`` returns them.
    ///   - hypothesis: System turns by file id.
    ///   - collar: Seconds left unscored on each side of every reference boundary; see
    ///     ``DiarizationScore/measure(reference:hypothesis:collar:)``.
    /// - Throws: ``MinutesError`` `.invalidInput` for a bad collar or turn, naming the recording.
    public static func measure(
        reference: [String: [RTTM.Turn]],
        hypothesis: [String: [RTTM.Turn]],
        collar: Double = 0.25
    ) throws(MinutesError) -> DiarizationReport {
        var files: [String: DiarizationScore] = [:]
        for fileID in Set(reference.keys).union(hypothesis.keys) {
            do {
                files[fileID] = try DiarizationScore.measure(
                    reference: reference[fileID] ?? [],
                    hypothesis: hypothesis[fileID] ?? [],
                    collar: collar
                )
            } catch {
                throw MinutesError(error.code, "file \(fileID): \(error.message)", cause: error.cause)
            }
        }
        return DiarizationReport(files: files)
    }
}
