import MinutesCore

/// A conversation built from real single-speaker recordings, with the truth known: each
/// voice's speech is cut into pieces at its quietest moments and the pieces take turns.
///
/// Real voices, unlike synthetic ones, try the speaker engines as users' recordings do; the
/// reference is exact because the builder placed every piece itself. (Pieces keep their own
/// recording's channel, which makes voices from different sources easier to tell apart than
/// people in one room: count tests on these complement the meeting excerpts, not replace them.)
public struct BuiltConversation: Sendable {
    /// 16 kHz mono samples.
    public var samples: [Float]
    /// Who speaks when, one turn per piece.
    public var turns: [SpeakerTurn]

    /// The speakers' recordings (16 kHz mono) alternate, one piece of about `pieceSeconds`
    /// (2 or more) each in the order given, until every recording is used up; `pause`
    /// seconds between turns.
    public static func alternating(
        _ voices: [(speaker: String, samples: [Float])],
        pieceSeconds: Double,
        pause: Double = 0.6
    ) -> BuiltConversation {
        var queues = voices.map { (speaker: $0.speaker, pieces: pieces(of: $0.samples, about: pieceSeconds)) }
        var samples = [Float](repeating: 0, count: Int(pause * 16_000))
        var turns: [SpeakerTurn] = []
        while queues.contains(where: { !$0.pieces.isEmpty }) {
            for index in queues.indices where !queues[index].pieces.isEmpty {
                let piece = queues[index].pieces.removeFirst()
                let start = Double(samples.count) / 16_000
                samples += piece
                turns.append(
                    SpeakerTurn(speaker: queues[index].speaker, start: start, end: Double(samples.count) / 16_000)
                )
                samples += [Float](repeating: 0, count: Int(pause * 16_000))
            }
        }
        return BuiltConversation(samples: samples, turns: turns)
    }

    /// The reference as RTTM.
    public func rttm(fileID: String) -> String {
        turns.map { turn in
            "SPEAKER \(fileID) 1 \(Timecode.decimal(turn.start)) \(Timecode.decimal(turn.duration)) "
                + "<NA> <NA> \(turn.speaker) <NA> <NA>\n"
        }.joined()
    }

    /// `samples` cut into pieces of about `seconds`, each cut at the quietest 50 ms within a
    /// second of the target, with silence trimmed from both ends of every piece.
    static func pieces(of samples: [Float], about seconds: Double) -> [[Float]] {
        precondition(seconds >= 2, "pieces are cut within a second of their length, so at least 2 s")
        let frame = 800
        let target = Int(seconds * 16_000)
        var pieces: [[Float]] = []
        var start = 0
        while start < samples.count {
            var cut = samples.count
            if samples.count - start > target + 16_000 {
                let low = start + target - 16_000
                let high = start + target + 16_000 - frame
                let quietest = stride(from: low, through: high, by: frame / 2)
                    .map { (start: $0, energy: energy(samples, $0, frame)) }
                    .min { $0.energy < $1.energy }
                cut = (quietest?.start ?? start + target) + frame / 2
            }
            let piece = trimmed(Array(samples[start..<cut]))
            if piece.count >= 8_000 { pieces.append(piece) }
            start = cut
        }
        return pieces
    }

    private static func energy(_ samples: [Float], _ start: Int, _ count: Int) -> Float {
        samples[start..<min(samples.count, start + count)].reduce(0) { $0 + $1 * $1 }
    }

    /// Without the leading and trailing 50 ms frames 30 dB or more below the piece's loudest,
    /// so that a turn starts and ends with speech.
    private static func trimmed(_ piece: [Float]) -> [Float] {
        let frame = 800
        let energies = stride(from: 0, to: piece.count, by: frame).map { energy(piece, $0, frame) }
        guard let loudest = energies.max(), loudest > 0 else { return [] }
        let floor = loudest / 1_000
        guard let first = energies.firstIndex(where: { $0 > floor }),
            let last = energies.lastIndex(where: { $0 > floor })
        else { return [] }
        return Array(piece[(first * frame)..<min(piece.count, (last + 1) * frame)])
    }
}
