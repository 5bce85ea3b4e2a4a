import CWhisper
import Foundation

/// Where Whisper's word times come from.
///
/// whisper.cpp's default token times are a heuristic over the timestamp tokens the model
/// predicts, and an initial prompt throws those predictions off: on the demo meeting with the
/// people's names as prompt, 20 of 88 words landed outside their speaker's turn (2 without
/// it), by up to two seconds. Alignment by attention (DTW over the alignment heads of the
/// decoder's cross-attention, as OpenAI's word timestamps do) times each token where the
/// model heard it, prompt or not: 4 of 88. It costs flash attention (about 8 % more time and
/// 115 MB on a 30 s meeting), so the live captions, which carry no prompt, keep the heuristic.
public enum WhisperWordTiming: Sendable, Equatable {
    /// The timestamp-token heuristic: fastest.
    case tokenHeuristic
    /// Dynamic time warping over the model's alignment heads: robust to a prompt.
    case attentionAlignment

    /// The alignment-heads preset for a model file (`ggml-tiny.en.bin`, `ggml-base-q5_1.bin`),
    /// or nil for a model this build does not know (then the top text layers are used).
    static func alignmentHeads(forModelFile name: String) -> whisper_alignment_heads_preset? {
        var model = name.hasPrefix("ggml-") ? String(name.dropFirst(5)) : name
        if model.hasSuffix(".bin") { model = String(model.dropLast(4)) }
        // Quantized files keep the model's name before the type: base.en-q5_0, small-q8_0.
        if let dash = model.range(of: "-q", options: .backwards) { model = String(model[..<dash.lowerBound]) }
        let presets: [String: whisper_alignment_heads_preset] = [
            "tiny.en": WHISPER_AHEADS_TINY_EN, "tiny": WHISPER_AHEADS_TINY,
            "base.en": WHISPER_AHEADS_BASE_EN, "base": WHISPER_AHEADS_BASE,
            "small.en": WHISPER_AHEADS_SMALL_EN, "small": WHISPER_AHEADS_SMALL,
            "medium.en": WHISPER_AHEADS_MEDIUM_EN, "medium": WHISPER_AHEADS_MEDIUM,
            "large-v1": WHISPER_AHEADS_LARGE_V1, "large-v2": WHISPER_AHEADS_LARGE_V2,
            "large-v3": WHISPER_AHEADS_LARGE_V3, "large-v3-turbo": WHISPER_AHEADS_LARGE_V3_TURBO,
        ]
        return presets[model]
    }

    /// Sets up `parameters` of a context for this timing.
    func configure(_ parameters: inout whisper_context_params, modelFile: String) {
        guard self == .attentionAlignment else { return }
        parameters.flash_attn = false
        parameters.dtw_token_timestamps = true
        if let preset = Self.alignmentHeads(forModelFile: modelFile) {
            parameters.dtw_aheads_preset = preset
        } else {
            // Every Whisper decoder has at least two text layers.
            parameters.dtw_aheads_preset = WHISPER_AHEADS_N_TOP_MOST
            parameters.dtw_n_top = 2
        }
    }
}
