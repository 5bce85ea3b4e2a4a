import MinutesCore

/// The key under which an LLM summary is cached: a SHA-256 of everything that shapes the answer.
///
/// That is the model, the persona and its prompt version (with the output contract's), the number
/// of key points asked for, the meeting day and participants (due dates and owners depend on them)
/// and the transcript lines exactly as sent. Each field is written with its length in front, so no
/// two different requests can spell the same input. The endpoint's address is deliberately not
/// part of it: the same model behind another URL gives the same kind of answer.
struct LLMCacheKey: Hashable, Sendable {
    /// Bump to invalidate every cached summary (a change in how keys are made).
    static let scheme = "minutes.llm-summary.v1"

    /// 64 hex digits.
    let digest: String
    /// Model, persona and prompt version in clear, stored beside the digest.
    let label: SummaryCacheLabel

    init(model: String, prompt: LLMPrompt, lines: [String]) {
        label = SummaryCacheLabel(model: model, persona: prompt.persona.name, promptVersion: prompt.version)
        let fields = [
            Self.scheme, model, prompt.persona.name, prompt.version, String(prompt.maxPoints), prompt.meetingDay.iso,
            prompt.participants.joined(separator: "\n"), lines.joined(separator: "\n"),
        ]
        var bytes: [UInt8] = []
        for field in fields {
            bytes += Array("\(field.utf8.count):".utf8)
            bytes += Array(field.utf8)
            bytes.append(0x0a)
        }
        digest = LLMDigest.sha256Hex(bytes)
    }
}
