/// One utterance's labelling in two steps, for callers that need more than its turns.
///
/// ``LiveDiarization/label(_:in:previous:tracker:)`` gives only the turns. The console also
/// needs the tracker's events (to announce, name and merge speakers) and each voice's solo
/// audio (to enroll it on request), and it runs the slow models away from the state the
/// tracker lives in: ``analyze(_:)`` runs the models, ``assign(_:utterance:previous:tracker:)``
/// gives the voices session-wide labels at once.
extension LiveDiarization {
    /// One local voice of an utterance with its print.
    public struct UtteranceVoice: Sendable {
        /// The local diarizer's label, or nil for a whole-utterance voice.
        public var localSpeaker: String?
        /// The audio the print was made from: where only this voice speaks.
        public var samples: [Float]
        public var embedding: [Float]
    }

    /// What the models found in an utterance, before session-wide labels.
    public struct UtteranceAnalysis: Sendable {
        /// The local diarizer's turns, in session time.
        public var localTurns: [SpeakerTurn]
        /// A print for every voice with enough solo speech, in local label order.
        public var voices: [UtteranceVoice]
    }

    /// An utterance's turns with session-wide labels, and what the tracker noticed.
    public struct UtteranceLabelling: Sendable {
        public var turns: [SpeakerTurn]
        public var events: [LiveSpeakerTracker.Event]
        /// Each labelled voice's solo audio, by session-wide label.
        public var voiceSamples: [(label: String, samples: [Float])]
    }

    /// The least audio that gives a usable voice print (half a second, as CAM++ needs).
    static let minimumVoiceFrames = 8_000
    /// The most solo audio per voice a print is made from, in seconds.
    static let voiceLimit = 20.0

    /// Diarizes the utterance in `window` and makes a print for each voice in it.
    ///
    /// Without local turns (too short or too faint for the segmentation model) the whole
    /// window is one voice when it is long enough for a print.
    public func analyze(_ window: LiveAudioWindow) async throws -> UtteranceAnalysis {
        let audio = window.samples
        let localTurns = try await local.diarize(audio, speakerCount: nil)
        var voices: [UtteranceVoice] = []
        if localTurns.isEmpty {
            if audio.count >= Self.minimumVoiceFrames {
                voices.append(
                    UtteranceVoice(
                        localSpeaker: nil,
                        samples: audio,
                        embedding: try await embedder.embedding(of: audio)
                    )
                )
            }
        } else {
            for speaker in Set(localTurns.map(\.speaker)).sorted() {
                guard
                    let solo = SoloSpeech.voice(
                        of: speaker,
                        turns: localTurns,
                        in: audio,
                        limit: Self.voiceLimit,
                        minimumFrames: Self.minimumVoiceFrames
                    )
                else { continue }
                voices.append(
                    UtteranceVoice(
                        localSpeaker: speaker,
                        samples: solo,
                        embedding: try await embedder.embedding(of: solo)
                    )
                )
            }
        }
        return UtteranceAnalysis(localTurns: localTurns.map(window.sessionTurn), voices: voices)
    }

    /// Gives the analysed voices session-wide labels on `tracker`.
    ///
    /// - Parameters:
    ///   - utterance: The region the turn is reported over when the window had no local turns.
    ///   - previous: The last labelled turn: voices too short for a print are taken to be theirs.
    public static func assign(
        _ analysis: UtteranceAnalysis,
        utterance: SpeechRegion,
        previous: SpeakerTurn?,
        tracker: inout LiveSpeakerTracker
    ) -> UtteranceLabelling {
        var events: [LiveSpeakerTracker.Event] = []
        var voiceSamples: [(label: String, samples: [Float])] = []
        var labels: [String: String] = [:]
        var wholeLabel: String?
        for voice in analysis.voices {
            let (label, voiceEvents) = tracker.assign(voice.embedding)
            events += voiceEvents
            voiceSamples.append((label, voice.samples))
            if let speaker = voice.localSpeaker {
                labels[speaker] = label
            } else {
                wholeLabel = label
            }
        }
        guard !analysis.localTurns.isEmpty else {
            guard let label = wholeLabel ?? previous?.speaker else {
                return UtteranceLabelling(turns: [], events: events, voiceSamples: voiceSamples)
            }
            let turn = SpeakerTurn(speaker: label, start: utterance.start, end: utterance.end)
            return UtteranceLabelling(turns: [turn], events: events, voiceSamples: voiceSamples)
        }
        let turns = analysis.localTurns.compactMap { turn -> SpeakerTurn? in
            guard let label = labels[turn.speaker] ?? previous?.speaker else { return nil }
            return SpeakerTurn(speaker: label, start: turn.start, end: turn.end)
        }
        return UtteranceLabelling(turns: turns, events: events, voiceSamples: voiceSamples)
    }
}
