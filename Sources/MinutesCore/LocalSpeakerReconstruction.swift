/// Turns of the recording's speakers rebuilt from overlapping segmentation windows whose
/// local speakers have been clustered, the way pyannote does it.
///
/// Windows overlap (a 10-second window every few seconds), so every instant is heard by
/// several windows. Each instant takes the number of voices the windows agree on (the mean
/// of their counts, rounded) and gives it to the clusters most active there on average. A
/// local speaker that got no print (too little speech) still counts towards how many talk,
/// so a cluster active at that instant takes its time; where no cluster is, the time stays
/// unassigned (gap filling may give it to a voice later).
public enum LocalSpeakerReconstruction {
    /// - Parameters:
    ///   - labels: for each window, its local speakers' clusters (speakers without a print
    ///     are absent).
    ///   - duration: seconds of audio; nothing is placed after it.
    ///   - resolution: seconds per step of the rebuilt timeline.
    public static func turns(
        windows: [LocalSpeakerWindow],
        labels: [[Int: Int]],
        duration: Double,
        minimumTurn: Double,
        minimumGap: Double,
        resolution: Double = 0.01
    ) -> [SpeakerTurn] {
        let steps = Int((duration / resolution).rounded(.up))
        let clusters = (labels.flatMap(\.values).max() ?? -1) + 1
        guard steps > 0, clusters > 0 else { return [] }
        var heard = [Float](repeating: 0, count: steps)
        var talking = [Float](repeating: 0, count: steps)
        var activity = [Float](repeating: 0, count: steps * clusters)
        for (window, speakers) in zip(windows, labels) {
            let first = max(0, Int((window.start / resolution).rounded()))
            let end = Double(window.frames.count) * window.frameStep + window.start
            let last = min(steps, Int((end / resolution).rounded()))
            guard first < last else { continue }
            for step in first..<last {
                let offset = (Double(step) * resolution - window.start) / window.frameStep
                let mask = window.frames[min(window.frames.count - 1, max(0, Int(offset)))]
                heard[step] += 1
                talking[step] += Float(mask.nonzeroBitCount)
                for (local, cluster) in speakers where mask & (1 << local) != 0 {
                    activity[step * clusters + cluster] += 1
                }
            }
        }
        var speaking = [[Bool]](repeating: [Bool](repeating: false, count: steps), count: clusters)
        for step in 0..<steps where heard[step] > 0 {
            let voices = Int((talking[step] / heard[step]).rounded())
            guard voices > 0 else { continue }
            let row = activity[(step * clusters)..<((step + 1) * clusters)]
            let ranked = row.indices.filter { row[$0] > 0 }.sorted { row[$0] > row[$1] }
            for index in ranked.prefix(voices) {
                speaking[index - step * clusters][step] = true
            }
        }
        var turns: [SpeakerTurn] = []
        for (cluster, steps) in speaking.enumerated() {
            turns += runs(of: steps, resolution: resolution, minimumTurn: minimumTurn, minimumGap: minimumGap)
                .map { SpeakerTurn(speaker: String(cluster), start: $0.lowerBound, end: min($0.upperBound, duration)) }
        }
        return turns.sorted { ($0.start, $0.speaker) < ($1.start, $1.speaker) }
    }

    /// The stretches where `flags` hold, gaps shorter than `minimumGap` closed, stretches
    /// shorter than `minimumTurn` dropped.
    static func runs(of flags: [Bool], resolution: Double, minimumTurn: Double, minimumGap: Double) -> [Range<Double>] {
        var runs: [Range<Double>] = []
        var start: Int?
        for index in 0...flags.count {
            let on = index < flags.count && flags[index]
            if on, start == nil { start = index }
            if !on, let begun = start {
                let run = (Double(begun) * resolution)..<(Double(index) * resolution)
                if let last = runs.last, run.lowerBound - last.upperBound < minimumGap {
                    runs[runs.count - 1] = last.lowerBound..<run.upperBound
                } else {
                    runs.append(run)
                }
                start = nil
            }
        }
        return runs.filter { $0.upperBound - $0.lowerBound >= minimumTurn }
    }
}
