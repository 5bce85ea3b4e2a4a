/// Local agreement between successive decodes of a growing utterance (the "LocalAgreement-2"
/// policy of streaming Whisper): a word becomes stable once two decodes in a row agree on
/// it and on everything before it.
///
/// Stable words are never taken back, so captions do not flicker; the tentative tail is
/// shown apart from them; and because each decode covers the whole utterance, nothing is
/// repeated at chunk boundaries, the complaint about whisper.cpp's stream mode.
public struct LocalAgreement: Sendable {
    /// Words agreed so far, spelled as in the decode that confirmed them.
    public private(set) var stable: [String] = []
    private var previous: [String] = []

    public init() {}

    /// Takes the newest decode of the whole utterance so far.
    /// - Returns: the tentative words after the stable ones.
    public mutating func update(with hypothesis: [String]) -> [String] {
        let keys = hypothesis.map(Self.key)
        let previousKeys = previous.map(Self.key)
        let stableKeys = stable.map(Self.key)
        previous = hypothesis
        // A decode that contradicts a stable word cannot confirm anything: stable words stand
        // and the next decode is compared with this one.
        guard keys.starts(with: stableKeys) else { return [] }
        var index = stable.count
        while index < keys.count, index < previousKeys.count, keys[index] == previousKeys[index] {
            stable.append(hypothesis[index])
            index += 1
        }
        return Array(hypothesis.dropFirst(stable.count))
    }

    /// Words compare without case and punctuation: "Americans," and "Americans" agree.
    static func key(_ word: String) -> String {
        String(word.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "'" })
    }
}
