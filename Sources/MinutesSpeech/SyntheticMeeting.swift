import MinutesCore

/// A meeting spoken by synthetic voices from a script, with its ground truth: who spoke when (RTTM) and what they said.
///
/// For demos and for structure and timing tests; accuracy is measured on real speech.
public struct SyntheticMeeting: Sendable {
    /// One scripted turn.
    public struct Turn: Sendable, Equatable {
        public var speaker: String
        /// A voice of the synthesizer: Flite's `slt`, or espeak-ng's `en-us+m3` (voice plus variant).
        public var voice: String
        public var text: String
        /// Silence before the turn starts, after the previous one ends.
        public var pause: Double
        /// Seconds the turn starts before the previous one ends (crosstalk); 0 for none.
        public var overlap: Double

        public init(speaker: String, voice: String, text: String, pause: Double = 0.6, overlap: Double = 0) {
            self.speaker = speaker
            self.voice = voice
            self.text = text
            self.pause = pause
            self.overlap = overlap
        }
    }

    /// Where a turn's speech (without the synthesizer's leading and trailing silence) landed.
    public struct ReferenceTurn: Sendable, Equatable {
        public var speaker: String
        public var start: Double
        public var end: Double
        public var text: String
    }

    /// 16 kHz mono samples.
    public var samples: [Float]
    public var turns: [ReferenceTurn]

    /// Speaks `script` with `synthesizer` and mixes the turns onto one track.
    public static func make(
        _ script: [Turn],
        synthesizer: any SpeechSynthesizer,
        leadIn: Double = 0.5
    ) async throws -> SyntheticMeeting {
        var samples: [Float] = []
        var turns: [ReferenceTurn] = []
        var cursor = leadIn
        for turn in script {
            let speech = trimSilence(try await synthesizer.synthesize(turn.text, voice: turn.voice))
            let start = max(0, turns.isEmpty ? cursor : cursor + turn.pause - turn.overlap)
            let first = Int((start * 16_000).rounded())
            let needed = first + speech.count
            if samples.count < needed { samples += [Float](repeating: 0, count: needed - samples.count) }
            for (index, value) in speech.enumerated() {
                samples[first + index] += value
            }
            let end = Double(needed) / 16_000
            turns.append(ReferenceTurn(speaker: turn.speaker, start: start, end: end, text: turn.text))
            cursor = max(cursor, end)
        }
        samples += [Float](repeating: 0, count: Int(leadIn * 16_000))
        return SyntheticMeeting(samples: samples.map { max(-1, min(1, $0)) }, turns: turns)
    }

    /// The reference speaker turns as RTTM.
    public func rttm(fileID: String) -> String {
        turns.map { turn in
            "SPEAKER \(fileID) 1 \(Timecode.decimal(turn.start)) \(Timecode.decimal(turn.end - turn.start)) "
                + "<NA> <NA> \(turn.speaker) <NA> <NA>\n"
        }.joined()
    }

    /// The scripted speaker who talks most during `spans` (seconds from the start), or nil
    /// when no turn overlaps them: who a diarized voice really is.
    public func speaker(talkingMostIn spans: [(start: Double, end: Double)]) -> String? {
        var overlap: [String: Double] = [:]
        for span in spans {
            for turn in turns {
                let shared = min(span.end, turn.end) - max(span.start, turn.start)
                if shared > 0 { overlap[turn.speaker, default: 0] += shared }
            }
        }
        return overlap.max { $0.value < $1.value }?.key
    }

    /// The reference transcript, `Speaker: text` per turn.
    public var transcript: String {
        turns.map { "\($0.speaker): \($0.text)\n" }.joined()
    }

    /// Cuts leading and trailing samples quieter than about -46 dBFS.
    static func trimSilence(_ samples: [Float]) -> [Float] {
        let threshold: Float = 0.005
        guard let first = samples.firstIndex(where: { abs($0) > threshold }),
            let last = samples.lastIndex(where: { abs($0) > threshold })
        else { return [] }
        return Array(samples[first...last])
    }

    /// A short three-voice planning meeting in espeak-ng's voices, which the tests use for
    /// structure and timing (their voices are close, so they also try the speaker engines hard).
    public static let planningScript: [Turn] = [
        Turn(speaker: "alice", voice: "en-us+f3", text: "Good morning everyone. Let's plan the release for next week."),
        Turn(
            speaker: "bob",
            voice: "en-us+m1",
            text: "The installer is ready, but the upgrade path still needs testing."
        ),
        Turn(speaker: "carol", voice: "en-gb-scotland+m7", text: "I will write the release notes by Friday."),
        Turn(speaker: "alice", voice: "en-us+f3", text: "Bob, can you test the upgrade path tomorrow?"),
        Turn(speaker: "bob", voice: "en-us+m1", text: "Yes, I will do that tomorrow morning."),
        Turn(speaker: "carol", voice: "en-gb-scotland+m7", text: "Then we ship on Monday. Decision made."),
    ]

    /// The meeting `make run` replays with no capture device and `minutes demo` processes:
    /// three of Flite's voices (its one woman and two men that the voice prints tell apart),
    /// clear enough for Whisper's smallest model, with decisions and owned, dated action items.
    public static let demoScript: [Turn] = [
        Turn(
            speaker: "alice",
            voice: "slt",
            text: "Good morning, everyone. Today we need to plan the release for next week."
        ),
        Turn(
            speaker: "bob",
            voice: "rms",
            text: "The installer is ready. But the upgrade from the old version still needs testing."
        ),
        Turn(speaker: "alice", voice: "slt", text: "Bob, could you test the upgrade tomorrow?"),
        Turn(speaker: "bob", voice: "rms", text: "Yes. I will test the upgrade tomorrow morning."),
        Turn(
            speaker: "dan",
            voice: "kal16",
            text: "I will write up the release notes by Friday, and send them to the whole team."
        ),
        Turn(
            speaker: "alice",
            voice: "slt",
            text: "Thank you. Then we have decided to ship the release on Monday."
        ),
        Turn(speaker: "dan", voice: "kal16", text: "And who will tell the customers about the new version?"),
        Turn(speaker: "alice", voice: "slt", text: "I will email the customers on Monday afternoon."),
    ]
}
