/// A stretch of time attributed to one voice, by a diarizer or a reference RTTM.
public struct SpeakerTurn: Hashable, Sendable {
    /// The label of the voice (a diarizer's cluster number, or a reference's speaker name,
    /// compared byte for byte), stable within one recording.
    public var speaker: String
    /// Seconds from the start of the recording.
    public var start: Double
    public var end: Double

    public init(speaker: String, start: Double, end: Double) {
        self.speaker = speaker
        self.start = start
        self.end = end
    }

    public var duration: Double { end - start }
}

/// Who spoke when in a whole recording.
public protocol Diarizer: Sendable {
    /// The speaker turns of 16 kHz mono `samples`, sorted by start; turns may overlap.
    /// - Parameter speakerCount: the number of voices when known; otherwise the diarizer's
    ///   threshold decides.
    func diarize(_ samples: [Float], speakerCount: Int?) async throws -> [SpeakerTurn]
}

/// A voice print: a fixed-length vector that is close for the same voice.
public protocol SpeakerEmbedder: Sendable {
    /// The length of every embedding.
    var dimension: Int { get }
    /// The embedding of the speech in 16 kHz mono `samples`.
    func embedding(of samples: [Float]) async throws -> [Float]
}
