import MinutesCore

/// Labels the speakers of one live utterance: the same steps as ``LiveDiarization``, split
/// so the console sees what that type keeps to itself.
///
/// `LiveDiarization`'s own per-utterance step takes the whole session's samples, discards the
/// tracker's events (new voice, merge, recognised profile) and the solo audio each voice print
/// came from, and is internal to MinutesCore. The console needs all three: events to announce
/// and name speakers, and each speaker's solo audio to enroll their voice on request. So this
/// type composes the same public parts (the local diarizer, the embedder, the padding) over a
/// ``LiveAudioWindow`` cut from the rolling buffer, in two steps: ``analyze(_:)`` runs the
/// models (slow, off the actor's state), ``assign(_:previous:tracker:)`` gives the voices
/// session-wide labels (instant, on the caller's tracker).
public struct LiveSpeakerLabeller: Sendable {
    /// One local voice of an utterance with its print.
    public struct Voice: Sendable {
        /// The local diarizer's label, or nil for a whole-utterance voice.
        public var localSpeaker: String?
        /// The audio the print was made from: where only this voice speaks.
        public var samples: [Float]
        public var embedding: [Float]
    }

    /// What the models found in an utterance, before session-wide labels.
    public struct Analysis: Sendable {
        /// The window the utterance was analysed in.
        public var window: LiveAudioWindow
        /// The local diarizer's turns, in session time.
        public var localTurns: [SpeakerTurn]
        /// A print for every voice with enough solo speech, in local label order.
        public var voices: [Voice]
    }

    /// An utterance's turns with session-wide labels, and what the tracker noticed.
    public struct Labelling: Sendable {
        public var turns: [SpeakerTurn]
        public var events: [LiveSpeakerTracker.Event]
        /// Each labelled voice's solo audio, by session-wide label, for enrollment.
        public var voiceSamples: [(label: String, samples: [Float])]
    }

    public var local: any Diarizer
    public var embedder: any SpeakerEmbedder
    /// Seconds of audio around each utterance given to the models.
    public var padding: Double
    /// The least audio that gives a usable voice print (half a second, as CAM++ needs).
    public var minimumVoiceFrames: Int
    /// The most solo audio per voice used for a print, in seconds.
    public var voiceLimit: Double

    /// Takes the parts and padding of `diarization`; its tracker stays with the caller.
    public init(_ diarization: LiveDiarization, minimumVoiceFrames: Int = 8_000, voiceLimit: Double = 20) {
        local = diarization.local
        embedder = diarization.embedder
        padding = diarization.padding
        self.minimumVoiceFrames = minimumVoiceFrames
        self.voiceLimit = voiceLimit
    }

    /// Diarizes the utterance in `window` and makes a print for each voice in it.
    ///
    /// Without local turns (too short or too faint for the segmentation model) the whole
    /// window is one voice when it is long enough for a print.
    public func analyze(_ window: LiveAudioWindow) async throws -> Analysis {
        let audio = window.samples
        let localTurns = try await local.diarize(audio, speakerCount: nil)
        var voices: [Voice] = []
        if localTurns.isEmpty {
            if audio.count >= minimumVoiceFrames {
                voices.append(
                    Voice(localSpeaker: nil, samples: audio, embedding: try await embedder.embedding(of: audio))
                )
            }
        } else {
            for speaker in Set(localTurns.map(\.speaker)).sorted() {
                guard
                    let solo = SoloSpeech.voice(
                        of: speaker,
                        turns: localTurns,
                        in: audio,
                        limit: voiceLimit,
                        minimumFrames: minimumVoiceFrames
                    )
                else { continue }
                voices.append(
                    Voice(localSpeaker: speaker, samples: solo, embedding: try await embedder.embedding(of: solo))
                )
            }
        }
        return Analysis(window: window, localTurns: localTurns.map(window.sessionTurn), voices: voices)
    }

    /// Gives the analysed voices session-wide labels on `tracker`.
    ///
    /// - Parameters:
    ///   - utterance: The region the turns are reported over when the window had no local turns.
    ///   - previous: The last labelled turn: voices too short for a print are taken to be theirs.
    public static func assign(
        _ analysis: Analysis,
        utterance: SpeechRegion,
        previous: SpeakerTurn?,
        tracker: inout LiveSpeakerTracker
    ) -> Labelling {
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
                return Labelling(turns: [], events: events, voiceSamples: voiceSamples)
            }
            let turn = SpeakerTurn(speaker: label, start: utterance.start, end: utterance.end)
            return Labelling(turns: [turn], events: events, voiceSamples: voiceSamples)
        }
        let turns = analysis.localTurns.compactMap { turn -> SpeakerTurn? in
            guard let label = labels[turn.speaker] ?? previous?.speaker else { return nil }
            return SpeakerTurn(speaker: label, start: turn.start, end: turn.end)
        }
        return Labelling(turns: turns, events: events, voiceSamples: voiceSamples)
    }
}
