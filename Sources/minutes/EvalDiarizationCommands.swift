import ArgumentParser
import Foundation
import MinutesAudio
import MinutesCore
import MinutesPipeline
import MinutesSpeakers

/// `minutes eval der --ref REF.rttm [--collar 0.25] HYP.rttm…`.
struct EvalDERCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "der",
        abstract:
            "Diarization error rate (missed + false alarm + confusion, overlap scored) and JER per file and pooled."
    )

    @Option(help: "The reference RTTM.")
    var ref: String

    @Option(help: "Seconds left unscored around every reference boundary.")
    var collar = 0.25

    @Argument(help: "Hypothesis RTTM files.")
    var hypotheses: [String]

    func run() async throws {
        try await CommandContext.report {
            let reference = try RTTM.parse(try EvalCommand.WER.read(ref))
            var hypothesis: [String: [RTTM.Turn]] = [:]
            for file in hypotheses {
                hypothesis.merge(try RTTM.parse(try EvalCommand.WER.read(file))) { $0 + $1 }
            }
            print(
                DiarizationTable.render(
                    try DiarizationReport.measure(reference: reference, hypothesis: hypothesis, collar: collar)
                )
            )
        }
    }
}

/// `minutes eval diarization --ref REF.rttm WAV… [--live] [--threshold T] [--speakers N]`:
/// runs the diarizer on the recordings and scores it in one go.
struct EvalDiarizationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diarization",
        abstract: "Diarize recordings (offline, or as the live console would) and score them against a reference RTTM."
    )

    @Option(help: "The reference RTTM; file ids are the WAV names without extension.")
    var ref: String

    @Argument(help: "WAV recordings.")
    var files: [String]

    @Flag(help: "Label speakers as the live console does (streamed utterances, online clustering).")
    var live = false

    @Option(help: "With --sherpa: its clustering threshold (with --spectral: of the base diarizer's turns).")
    var threshold: Float?

    @Flag(
        name: .customLong("spectral"),
        inversion: .prefixedNo,
        help: "Offline: re-cluster window voice prints with the count estimated per recording (NME-SC)."
    )
    var spectral = false

    @Flag(help: "Offline: sherpa-onnx's own pipeline (turn prints, a distance threshold), the default until Dec 2026.")
    var sherpa = false

    @Option(help: "Offline: seconds between segmentation windows.")
    var step: Double?

    @Option(help: "Offline: average similarity at which clusters stop joining.")
    var similarity: Float?

    @Option(help: "Offline: drop turns shorter than this many seconds.")
    var minimumTurn: Float?

    @Option(help: "Offline: close gaps shorter than this many seconds within one voice.")
    var minimumGap: Float?

    @Option(help: "Live tracker: cosine similarity needed to join a known voice.")
    var join: Float?

    @Option(help: "Seconds left unscored around every reference boundary.")
    var collar = 0.25

    @Option(help: "Live: voice activity threshold for utterances.")
    var vadThreshold: Float?

    @Option(help: "Live: seconds of context around each utterance.")
    var padding: Double?

    @Flag(
        inversion: .prefixedNo,
        help: "Give speech that voice activity finds but no turn covers to the closest voice."
    )
    var fillGaps = true

    func run() async throws {
        try await CommandContext.report {
            let engines = SpeechEngines()
            let reference = try RTTM.parse(try EvalCommand.WER.read(ref))
            var hypothesis: [String: [RTTM.Turn]] = [:]
            for file in files {
                let fileID = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
                let recording = try AudioFile.load16kMono(file)
                let turns: [SpeakerTurn]
                if live {
                    // The console labels the audio as captured, so the live figures do too.
                    var tracker = LiveSpeakerTracker()
                    if let join { tracker.configuration.joinThreshold = join }
                    var diarization = LiveDiarization(
                        detector: try engines.liveVoiceActivity(threshold: vadThreshold),
                        embedder: try engines.embedder(),
                        local: try engines.diarizer(threshold: threshold),
                        tracker: tracker
                    )
                    if let padding { diarization.padding = padding }
                    turns = try await diarization.turns(of: recording)
                } else {
                    let samples = try LoudnessNormalizer().normalize(recording, sampleRate: 16_000).samples
                    let base: any Diarizer
                    var prints: (any SpeakerEmbedder)?
                    if spectral || sherpa {
                        let turnDiarizer = try engines.diarizer(
                            threshold: threshold ?? (spectral ? SpectralDiarizer.baseThreshold : nil),
                            minimumTurn: minimumTurn,
                            minimumGap: minimumGap
                        )
                        base =
                            spectral
                            ? SpectralDiarizer(base: turnDiarizer, embedder: try engines.embedder()) : turnDiarizer
                    } else {
                        let local = try engines.localSpeakerDiarizer(
                            step: step,
                            similarity: similarity,
                            minimumTurn: minimumTurn.map(Double.init),
                            minimumGap: minimumGap.map(Double.init)
                        )
                        base = local
                        prints = local.embedder
                    }
                    let diarizer: any Diarizer =
                        fillGaps
                        ? GapFillingDiarizer(
                            base: base,
                            detector: try engines.voiceActivity(),
                            embedder: try prints ?? engines.embedder()
                        )
                        : base
                    turns = try await diarizer.diarize(samples, speakerCount: nil)
                }
                hypothesis[fileID] = turns
            }
            let scored = reference.filter { hypothesis.keys.contains($0.key) }
            print(
                DiarizationTable.render(
                    try DiarizationReport.measure(reference: scored, hypothesis: hypothesis, collar: collar)
                )
            )
        }
    }
}

/// The per-file and pooled table both DER commands print.
enum DiarizationTable {
    static func render(_ report: DiarizationReport) -> String {
        func percent(_ value: Double) -> String { String(format: "%6.2f", value * 100) }
        var lines = ["file        DER%   miss%     FA%  conf%    JER%  ref/hyp speakers"]
        for fileID in report.files.keys.sorted() {
            guard let score = report.files[fileID] else { continue }
            lines.append(
                fileID.padding(toLength: 10, withPad: " ", startingAt: 0)
                    + " \(percent(score.errorRate)) \(percent(score.missedRate)) \(percent(score.falseAlarmRate))"
                    + " \(percent(score.confusionRate)) \(percent(score.jaccardErrorRate))  \(score.referenceSpeakers)/\(score.hypothesisSpeakers)"
            )
        }
        let total = report.total
        let mean = report.files.values.map(\.errorRate).reduce(0, +) / Double(max(1, report.files.count))
        lines.append(
            "pooled     \(percent(total.errorRate)) \(percent(total.missedRate)) \(percent(total.falseAlarmRate))"
                + " \(percent(total.confusionRate)) \(percent(total.jaccardErrorRate))"
        )
        lines.append("mean of files DER \(percent(mean))%")
        return lines.joined(separator: "\n")
    }
}
