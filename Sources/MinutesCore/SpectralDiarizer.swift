/// Diarizes by letting a segmentation-based diarizer say *where* voices change and spectral
/// clustering of short-window voice prints say *who* speaks and how many people there are.
///
/// The base diarizer runs with a low clustering threshold, so it rather splits one voice in
/// two than joins two: its turns give precise change points and overlap, its labels are
/// only a fallback. Every turn's solo speech (no other turn over it) is cut into windows of
/// ``window`` seconds every ``step`` seconds, each window gets a voice print, and
/// ``SpectralSpeakerClustering`` groups the prints with the speaker count estimated from this
/// recording alone. A turn whose windows disagree is split where they change, so a base
/// turn that swallowed two voices is cut again.
///
/// Not the default yet (`minutes eval diarization --spectral` tries it): on 30-second
/// excerpts there are only a few dozen windows, and the eigengap count swings between one
/// speaker and too many (BENCHMARKS.md, issue 12's note).
public struct SpectralDiarizer: Diarizer {
    public var base: any Diarizer
    public var embedder: any SpeakerEmbedder
    public var clustering: SpectralSpeakerClustering
    /// Seconds of speech in one window's voice print.
    public var window: Double
    /// Seconds between window starts; grows for long recordings so that at most
    /// ``mostWindows`` prints are clustered (the eigen-decomposition is cubic in their number).
    public var step: Double
    /// The shortest solo speech (seconds) that gets a print of its own.
    public var shortestWindow: Double
    public var mostWindows: Int

    /// The clustering threshold for a sherpa-onnx base: low, so that it splits rather than
    /// joins voices (its labels are a fallback only).
    public static let baseThreshold: Float = 0.3

    public init(
        base: any Diarizer,
        embedder: any SpeakerEmbedder,
        clustering: SpectralSpeakerClustering = SpectralSpeakerClustering(),
        window: Double = 1.5,
        step: Double = 0.25,
        shortestWindow: Double = 0.5,
        mostWindows: Int = 400
    ) {
        self.base = base
        self.embedder = embedder
        self.clustering = clustering
        self.window = window
        self.step = step
        self.shortestWindow = shortestWindow
        self.mostWindows = mostWindows
    }

    /// A window of one base turn's solo speech.
    struct Window: Equatable {
        var turn: Int
        var start: Double
        var end: Double
    }

    public func diarize(_ samples: [Float], speakerCount: Int?) async throws -> [SpeakerTurn] {
        let turns = try await base.diarize(samples, speakerCount: nil).sorted { $0.start < $1.start }
        guard !turns.isEmpty else { return [] }
        let windows = self.windows(of: turns)
        var prints: [[Float]] = []
        for window in windows {
            let lower = max(0, Int(window.start * 16_000))
            let upper = min(samples.count, Int(window.end * 16_000))
            prints.append(try await embedder.embedding(of: Array(samples[lower..<upper])))
        }
        guard !prints.isEmpty else { return turns }
        let labels = clustering.cluster(prints, count: speakerCount, spans: windows.map { $0.start...$0.end })
        return Self.relabel(turns, windows: windows, labels: labels)
    }

    /// The windows to print: solo speech of every turn, evenly cut.
    func windows(of turns: [SpeakerTurn]) -> [Window] {
        var solo: [(turn: Int, region: SpeechRegion)] = []
        for (index, turn) in turns.enumerated() {
            var others = turns
            others.remove(at: index)
            let own = SpeechRegion(start: turn.start, end: turn.end)
            for piece in SoloSpeech.subtract(others, from: own) where piece.duration >= shortestWindow {
                solo.append((index, piece))
            }
        }
        let speech = solo.reduce(0) { $0 + $1.region.duration }
        let pace = max(step, speech / Double(max(1, mostWindows)))
        var windows: [Window] = []
        for (turn, region) in solo {
            guard region.duration > window else {
                windows.append(Window(turn: turn, start: region.start, end: region.end))
                continue
            }
            var start = region.start
            while start + window <= region.end + 1e-9 {
                windows.append(Window(turn: turn, start: start, end: start + window))
                start += pace
            }
            // The end of the region, when the last window stopped well short of it.
            if let last = windows.last, region.end - last.end > pace / 2 {
                windows.append(Window(turn: turn, start: region.end - window, end: region.end))
            }
        }
        return windows
    }

    /// Turns labelled by their windows' clusters, split where consecutive windows of one turn
    /// disagree; turns without a window take the cluster most of their base label's windows
    /// got, or else the nearest labelled turn's.
    static func relabel(_ turns: [SpeakerTurn], windows: [Window], labels: [Int]) -> [SpeakerTurn] {
        var byTurn: [Int: [(window: Window, label: Int)]] = [:]
        for (window, label) in zip(windows, labels) { byTurn[window.turn, default: []].append((window, label)) }
        var votes: [String: [Int: Double]] = [:]
        for (window, label) in zip(windows, labels) {
            votes[turns[window.turn].speaker, default: [:]][label, default: 0] += window.end - window.start
        }
        let baseLabel = votes.compactMapValues { $0.max { $0.value < $1.value }?.key }
        var result: [SpeakerTurn] = []
        var unlabelled: [SpeakerTurn] = []
        for (index, turn) in turns.enumerated() {
            guard let own = byTurn[index]?.sorted(by: { $0.window.start < $1.window.start }), !own.isEmpty else {
                if let label = baseLabel[turn.speaker] {
                    result.append(SpeakerTurn(speaker: String(label), start: turn.start, end: turn.end))
                } else {
                    unlabelled.append(turn)
                }
                continue
            }
            var pieceStart = turn.start
            for position in own.indices.dropFirst() where own[position].label != own[position - 1].label {
                let previous = own[position - 1].window
                let next = own[position].window
                let cut = ((previous.start + previous.end) / 2 + (next.start + next.end) / 2) / 2
                result.append(SpeakerTurn(speaker: String(own[position - 1].label), start: pieceStart, end: cut))
                pieceStart = cut
            }
            result.append(SpeakerTurn(speaker: String(own[own.count - 1].label), start: pieceStart, end: turn.end))
        }
        let labelled = result
        for turn in unlabelled {
            let nearest = WordAttribution.speaker(from: turn.start, to: turn.end, in: labelled) ?? "0"
            result.append(SpeakerTurn(speaker: nearest, start: turn.start, end: turn.end))
        }
        return result.sorted { $0.start < $1.start }
    }
}
