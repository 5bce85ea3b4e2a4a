/// Keeps a diarizer's speaker count within bounds the user knows (`--min-speakers`,
/// `--max-speakers`): the recording is diarized freely first, and again with the count fixed
/// at the nearest bound only when the free count falls outside.
public struct SpeakerRangeDiarizer: Diarizer {
    public var base: any Diarizer
    public var range: ClosedRange<Int>

    public init(base: any Diarizer, range: ClosedRange<Int>) {
        self.base = base
        self.range = range
    }

    public func diarize(_ samples: [Float], speakerCount: Int?) async throws -> [SpeakerTurn] {
        if let speakerCount { return try await base.diarize(samples, speakerCount: speakerCount) }
        let turns = try await base.diarize(samples, speakerCount: nil)
        let found = Set(turns.map(\.speaker)).count
        // No speech has no speakers, whatever the bounds say.
        guard found > 0, !range.contains(found) else { return turns }
        return try await base.diarize(samples, speakerCount: min(max(found, range.lowerBound), range.upperBound))
    }
}
