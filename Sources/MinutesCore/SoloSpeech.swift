/// The audio where exactly one given voice is speaking: what a voice print should be made
/// from, since crosstalk blends two voices into one vector.
public enum SoloSpeech {
    /// The samples of `speaker`'s turns minus the parts where anyone else speaks, at most
    /// `limit` seconds, in time order.
    public static func samples(of speaker: String, turns: [SpeakerTurn], in samples: [Float], limit: Double) -> [Float]
    {
        let others = turns.filter { $0.speaker != speaker }
        var collected: [Float] = []
        let maximum = Int(limit * 16_000)
        for turn in turns where turn.speaker == speaker {
            for piece in subtract(others, from: SpeechRegion(start: turn.start, end: turn.end)) {
                let lower = max(0, Int(piece.start * 16_000))
                let upper = min(samples.count, Int(piece.end * 16_000), lower + maximum - collected.count)
                if lower < upper { collected += samples[lower..<upper] }
                if collected.count >= maximum { return collected }
            }
        }
        return collected
    }

    /// The audio to make `speaker`'s voice print from, or nil when there is too little.
    ///
    /// Solo speech first; when a voice is mostly crosstalk, its own turns with the overlap
    /// included, since such a print beats none.
    public static func voice(
        of speaker: String,
        turns: [SpeakerTurn],
        in samples: [Float],
        limit: Double,
        minimumFrames: Int
    ) -> [Float]? {
        let solo = Self.samples(of: speaker, turns: turns, in: samples, limit: limit)
        if solo.count >= minimumFrames { return solo }
        let own = Self.samples(of: speaker, turns: turns.filter { $0.speaker == speaker }, in: samples, limit: limit)
        return own.count >= minimumFrames ? own : nil
    }

    /// `region` with every turn in `turns` cut out of it.
    static func subtract(_ turns: [SpeakerTurn], from region: SpeechRegion) -> [SpeechRegion] {
        var pieces = [region]
        for turn in turns {
            pieces = pieces.flatMap { piece -> [SpeechRegion] in
                guard turn.end > piece.start, turn.start < piece.end else { return [piece] }
                var kept: [SpeechRegion] = []
                if turn.start > piece.start { kept.append(SpeechRegion(start: piece.start, end: turn.start)) }
                if turn.end < piece.end { kept.append(SpeechRegion(start: turn.end, end: piece.end)) }
                return kept
            }
        }
        return pieces
    }
}
