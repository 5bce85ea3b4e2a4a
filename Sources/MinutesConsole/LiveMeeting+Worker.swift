import Logging
import MinutesAudio
import MinutesCore
import MinutesSpeech

/// The worker: captions, speakers and storage, one utterance at a time, behind the queue.
extension LiveMeeting {
    /// Serves the queue until the capture path finishes it, then releases those waiting for
    /// the input to end.
    func runWorker() async {
        for await item in work {
            pendingWork -= 1
            let lag = statistics.capturedSeconds - item.capturedThrough
            statistics.maximumLag = max(statistics.maximumLag, lag)
            let started = clock.now
            await process(item.job)
            if pendingWork == 0 || labelIsOverdue {
                await labelCaptionedUtterances()
            }
            statistics.workerBusySeconds += started.duration(to: clock.now).seconds
        }
        await labelCaptionedUtterances()
        let ending = captureEnding ?? .stopped
        releaseDrainWaiters(ending)
        if ending == .endOfInput {
            if configuration.quitsAtEndOfInput {
                actionSink.yield(.quit)
            } else {
                emit(.notice("The input has ended; the recording is saved.", isError: false))
            }
        }
    }

    private func process(_ job: LiveWork<C.Instant>.Job) async {
        switch job {
        case .begin(let start, let samples):
            await beginUtterance(at: start, with: samples)
        case .audio(let samples):
            guard utteranceOpen else { return }
            heldAudio += samples
            let level = LiveLevelMeter.rms(samples)
            utteranceLoudness = max(utteranceLoudness, level)
            // Audio queued behind this is decoded together with it: one decode instead of one
            // per chunk is how the worker catches up after falling behind.
            guard pendingWork == 0 else { return }
            // A pause is held too, until speech resumes or the utterance ends: decoding it
            // shows no new words, and a decode still running when voice activity closes the
            // utterance (it waits for a pause) would hold up the final caption.
            guard level >= utteranceLoudness * configuration.pauseLevel else { return }
            await captionHeldAudio()
        case .end(let ending):
            await endUtterance(ending)
        case .discard:
            guard utteranceOpen else { return }
            utteranceOpen = false
            heldAudio = []
            // The partial line on screen goes away: a final caption without text clears it.
            emit(
                .caption(
                    LiveCaption(
                        utterance: utteranceNumber,
                        start: 0,
                        end: 0,
                        stableText: "",
                        tentativeText: "",
                        isFinal: true
                    )
                )
            )
        }
    }

    private func beginUtterance(at start: Double, with samples: [Float]) async {
        await captioner.beginUtterance(at: start)
        utteranceOpen = true
        lastPartial = nil
        captionedThrough = start
        appendedSinceDecode = 0
        utteranceLoudness = LiveLevelMeter.rms(samples)
        heldAudio = samples
        if pendingWork == 0 {
            await captionHeldAudio()
        }
    }

    /// Gives the held audio to the captioner and sends the partial caption it may answer.
    private func captionHeldAudio() async {
        guard !heldAudio.isEmpty else { return }
        await labelCaptionedUtterances()
        let samples = heldAudio
        heldAudio = []
        captionedThrough += Double(samples.count) / 16_000
        appendedSinceDecode += samples.count
        // A task of its own, so that the capture path can cancel it when voice activity ends
        // the utterance: the final caption then waits for nothing.
        let decode = Task { [captioner] in try await captioner.append(samples) }
        partialDecode = decode
        defer { partialDecode = nil }
        do {
            let started = clock.now
            guard let partial = try await decode.value else { return }
            appendedSinceDecode = 0
            let now = clock.now
            statistics.partialDecodes.append(started.duration(to: now).seconds)
            if let lastPartial {
                statistics.partialIntervals.append(lastPartial.duration(to: now).seconds)
            }
            lastPartial = now
            emit(.caption(partial))
        } catch {
            appendedSinceDecode = 0
            if error is CancellationError {
                statistics.abandonedPartials += 1
            } else {
                logger.error("partial caption failed", metadata: ["error": "\(error)"])
            }
        }
    }

    private func endUtterance(_ ending: LiveWork<C.Instant>.Ending) async {
        guard utteranceOpen else { return }
        utteranceOpen = false
        let wait = ending.closed.duration(to: clock.now).seconds
        statistics.finalWaits.append(wait)
        // Only a little silence after the region helps the final decode; a backlog's worth of
        // held audio past it would only cost time. And the silence is dropped altogether when
        // adding it would make the captioner run a partial decode nobody will see.
        let wanted = Self.frames(ending.region.end + configuration.finalTail - captionedThrough)
        let speech = Self.frames(ending.region.end - captionedThrough)
        let budget = Self.frames(configuration.partialInterval) - appendedSinceDecode - 1
        let count = min(heldAudio.count, wanted, max(speech, budget))
        if count > 0 {
            let samples = Array(heldAudio.prefix(count))
            captionedThrough += Double(samples.count) / 16_000
            do {
                _ = try await captioner.append(samples)
            } catch {
                logger.error("caption failed", metadata: ["error": "\(error)"])
            }
        }
        heldAudio = []
        let number = utteranceNumber
        utteranceNumber += 1
        let final: LiveCaption?
        let decodeStarted = clock.now
        do {
            final = try await captioner.endUtterance()
        } catch {
            logger.error("final caption failed", metadata: ["error": "\(error)"])
            emit(.notice("Captioning failed: \(Self.message(error))", isError: true))
            final = nil
        }
        let decodeSeconds = decodeStarted.duration(to: clock.now).seconds
        statistics.finalDecodes.append(decodeSeconds)
        guard let final, !final.text.isEmpty else {
            emit(
                .caption(
                    LiveCaption(
                        utterance: number,
                        start: ending.region.start,
                        end: ending.region.end,
                        stableText: "",
                        tentativeText: "",
                        isFinal: true
                    )
                )
            )
            return
        }
        emit(.caption(final))
        let captionLatency = ending.speechEnded.map { $0.duration(to: clock.now).seconds }
        if let captionLatency {
            statistics.captionLatencies.append(captionLatency)
        }
        unlabelled.append((final, ending, clock.now))
        logger.debug(
            "utterance captioned",
            metadata: [
                "utterance": "\(number)", "audio_s": "\(ending.region.duration)",
                "wait_ms": "\(Int(wait * 1000))", "decode_ms": "\(Int(decodeSeconds * 1000))",
                "caption.latency_ms": "\(Int((captionLatency ?? 0) * 1000))", "words": "\(final.words.count)",
            ]
        )
    }

    /// Whether the oldest caption without a speaker has waited longer than
    /// ``LiveMeetingConfiguration/longestLabelWait``.
    private var labelIsOverdue: Bool {
        guard let oldest = unlabelled.first else { return false }
        return oldest.shown.duration(to: clock.now).seconds >= configuration.longestLabelWait
    }

    /// Labels the speakers of the captioned utterances and stores their segments.
    ///
    /// Oldest first. The worker calls it when nothing else is queued (and before any partial
    /// decode), so labelling one utterance never delays the next one's final caption, or
    /// when a label has waited too long.
    private func labelCaptionedUtterances() async {
        while !unlabelled.isEmpty {
            let (final, ending, _) = unlabelled.removeFirst()
            let started = clock.now
            await store(final, ending: ending)
            statistics.labellings.append(started.duration(to: clock.now).seconds)
            guard let speechEnded = ending.speechEnded else { continue }
            let labelLatency = speechEnded.duration(to: clock.now).seconds
            statistics.labelLatencies.append(labelLatency)
            logger.debug(
                "utterance labelled",
                metadata: ["utterance": "\(final.utterance)", "label.latency_ms": "\(Int(labelLatency * 1000))"]
            )
        }
    }

    /// Labels the utterance's speakers, stores its segments and tells the console.
    private func store(_ final: LiveCaption, ending: LiveWork<C.Instant>.Ending) async {
        var turns: [SpeakerTurn] = []
        var events: [LiveSpeakerTracker.Event] = []
        do {
            let analysis = try await labeller.analyze(ending.window)
            let labelling = LiveDiarization.assign(
                analysis,
                utterance: ending.region,
                previous: previousTurn,
                tracker: &tracker
            )
            turns = labelling.turns
            events = labelling.events
            for (label, samples) in labelling.voiceSamples {
                voices.add(samples, to: label)
            }
            previousTurn = turns.last ?? previousTurn
        } catch {
            // The words matter more than who said them: store them without a speaker.
            logger.error("speaker labelling failed", metadata: ["error": "\(error)"])
        }
        let draft = SegmentDraft(
            start: final.start,
            end: final.end,
            cluster: nil,
            text: final.stableText,
            words: final.words,
            language: final.language
        )
        let drafts = WordAttribution.attribute([draft], to: turns)
        let result: SessionOrchestrator.AppendResult
        do {
            result = try await orchestrator.append(drafts, to: session)
        } catch {
            logger.error("cannot store segments", metadata: ["error": "\(error)"])
            emit(.notice("Could not store what was said: \(Self.message(error))", isError: true))
            return
        }
        var merges: [(absorbed: String, survivor: String)] = []
        for event in events {
            switch event {
            case .newSpeaker:
                break
            case .merged(let cluster, let survivor):
                merges.append((cluster, survivor))
            case .recognized(let cluster, let match):
                pendingRecognitions[cluster] = match
            }
        }
        var appeared: [Speaker] = []
        for speaker in result.newSpeakers {
            speakersByLabel[speaker.cluster] = speaker
            appeared.append(speaker)
        }
        await applyRecognitions(newSpeakers: &appeared)
        for speaker in appeared {
            emit(.speakerAppeared(speaker))
        }
        for segment in result.segments {
            emit(.segmentAppended(segment))
        }
        for merge in merges {
            // Lines already shown keep their speaker: the console says so, and the person
            // decides (by naming both the same, say).
            guard let absorbed = speakersByLabel[merge.absorbed], let survivor = speakersByLabel[merge.survivor]
            else { continue }
            logger.info("voices merged", metadata: ["speaker.id": "\(absorbed.id)", "survivor.id": "\(survivor.id)"])
            emit(.notice("\(absorbed.displayName) sounds like \(survivor.displayName)", isError: false))
        }
    }

    /// Names and links the speakers whose voices were recognised as enrolled people.
    ///
    /// A speaker announced in this same append is announced with the name (so the console
    /// does not ask who they are); one announced before is renamed.
    private func applyRecognitions(newSpeakers: inout [Speaker]) async {
        let ready = pendingRecognitions.filter { speakersByLabel[$0.key] != nil }
        guard !ready.isEmpty else { return }
        let profiles: [SpeakerProfile]
        do {
            profiles = try await orchestrator.profiles()
        } catch {
            logger.error("cannot read enrolled voices", metadata: ["error": "\(error)"])
            return
        }
        for (label, match) in ready.sorted(by: { $0.key < $1.key }) {
            pendingRecognitions[label] = nil
            guard let speaker = speakersByLabel[label], !speaker.isForgotten,
                let profile = profiles.first(where: { $0.id == match.profile })
            else { continue }
            do {
                let linked = try await orchestrator.linkSpeaker(speaker.id, in: session, to: profile)
                speakersByLabel[label] = linked
                logger.info(
                    "voice recognised",
                    metadata: [
                        "speaker.id": "\(linked.id)", "profile.id": "\(profile.id)",
                        "confidence": "\(match.confidence)",
                    ]
                )
                if let index = newSpeakers.firstIndex(where: { $0.id == linked.id }) {
                    newSpeakers[index] = linked
                } else {
                    emit(.speakerRenamed(linked.id, name: profile.name))
                }
            } catch {
                logger.error("cannot link a recognised voice", metadata: ["error": "\(error)"])
            }
        }
    }

    /// Frames in `seconds` of 16 kHz audio, rounded up; 0 for none or less.
    static func frames(_ seconds: Double) -> Int {
        seconds > 0 ? Int((seconds * 16_000).rounded(.up)) : 0
    }
}
