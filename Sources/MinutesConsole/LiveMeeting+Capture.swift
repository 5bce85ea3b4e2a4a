import Foundation
import Logging
import MinutesAudio
import MinutesCore

/// The capture path: fast and in order, so the source's stream never backs up.
extension LiveMeeting {
    /// Takes every chunk until the source ends, then finishes the last utterance, closes the
    /// recording and tells the worker there is no more work.
    func consumeCapture() async {
        for await chunk in source.chunks {
            accept(chunk)
        }
        finishCapture()
    }

    /// Records, buffers and analyses one chunk.
    func accept(_ chunk: AudioChunk) {
        if isRecording {
            do {
                try recorder.append(chunk)
            } catch {
                // The transcript can go on without the recording; a full disk must not also
                // cost the captions. Stop writing and say so once.
                isRecording = false
                logger.error("recording stopped", metadata: ["error": "\(error)"])
                emit(.notice("Recording stopped: \(Self.message(error))", isError: true))
            }
        }
        guard chunk.sampleRate == 16_000 else {
            if !hasWarnedAboutRate {
                hasWarnedAboutRate = true
                logger.error("captions need 16 kHz audio", metadata: ["sample_rate": "\(chunk.sampleRate)"])
                emit(.notice("No captions: the input is at \(chunk.sampleRate) Hz, not 16 kHz", isError: true))
            }
            return
        }
        let origin = firstFrame ?? chunk.startFrame
        firstFrame = origin
        let start = chunk.startFrame - origin
        let gap = start - capturedFrames
        guard gap >= 0 else {
            logger.warning("chunk overlaps earlier audio", metadata: ["frame": "\(chunk.startFrame)"])
            return
        }
        if gap > 0 {
            // A chunk the stream dropped: silence keeps every later time right, as it does in
            // the recording.
            let filled = min(gap, Int64(RecordingWriter.maximumGapSeconds * 16_000))
            statistics.gapFrames += filled
            analyse([Float](repeating: 0, count: Int(filled)), arrivedAt: clock.now)
            capturedFrames = start
        }
        analyse(chunk.samples, arrivedAt: clock.now)
        reportCounters(after: chunk.samples.count)
    }

    /// Buffers `samples` (the next ones of the session), feeds voice activity and queues the
    /// work its answer calls for.
    private func analyse(_ samples: [Float], arrivedAt instant: C.Instant) {
        guard !samples.isEmpty else { return }
        let start = capturedFrames
        buffer.append(samples)
        capturedFrames += Int64(samples.count)
        statistics.capturedSeconds = seconds(capturedFrames)
        arrivals.record(from: start, to: capturedFrames, at: instant)
        if let level = levelMeter.add(samples) {
            emit(.inputLevel(level))
        }
        let closed = voiceActivity.accept(samples)
        let actions = utterances.chunk(
            from: seconds(start),
            to: seconds(capturedFrames),
            closed: closed,
            isSpeaking: voiceActivity.isSpeaking
        )
        for action in actions {
            queue(action, samples: samples)
        }
    }

    /// Turns an utterance action into work for the worker.
    private func queue(_ action: LiveUtteranceStateMachine.Action, samples: [Float]) {
        let job: LiveWork<C.Instant>.Job
        switch action {
        case .begin(let from, let to):
            let window = buffer.window(from: from, to: to)
            job = .begin(start: window.start, samples: window.samples)
        case .append:
            job = .audio(samples)
        case .end(let region):
            statistics.utterances += 1
            let window = buffer.window(
                from: region.start - labeller.padding,
                to: min(region.end + labeller.padding, buffer.endTime)
            )
            let endFrame = Int64((region.end * 16_000).rounded())
            let speechEnded = arrivals.instant(of: endFrame)
            let closed = clock.now
            if let speechEnded {
                statistics.closingDelays.append(speechEnded.duration(to: closed).seconds)
            }
            job = .end(.init(region: region, window: window, speechEnded: speechEnded, closed: closed))
            // The partial caption being decoded would be replaced at once by the final one.
            partialDecode?.cancel()
        case .discard:
            job = .discard
            partialDecode?.cancel()
        }
        pendingWork += 1
        workSink.yield(LiveWork(job: job, capturedThrough: statistics.capturedSeconds))
    }

    /// Reports the source's counters when they change, and every ``LiveMeetingConfiguration/countersInterval``.
    private func reportCounters(after frames: Int) {
        framesSinceCounters += Int64(frames)
        let counters = source.statistics
        let changed = counters.droppedChunks != lastCounters.dropped || counters.overruns != lastCounters.overruns
        guard changed || Double(framesSinceCounters) >= configuration.countersInterval * 16_000 else { return }
        framesSinceCounters = 0
        lastCounters = (counters.droppedChunks, counters.overruns)
        emit(.captureCounters(dropped: counters.droppedChunks, overruns: counters.overruns))
    }

    /// The source has ended: close the recording first, then the last utterance.
    private func finishCapture() {
        if isRecording {
            isRecording = false
            do {
                try recorder.close(ended: Date())
            } catch {
                logger.error("cannot close the recording", metadata: ["error": "\(error)"])
                emit(.notice("The recording could not be closed: \(Self.message(error))", isError: true))
            }
        }
        let closed = voiceActivity.finish()
        for action in utterances.finish(at: seconds(capturedFrames), closed: closed) {
            queue(action, samples: [])
        }
        workSink.finish()
        let statistics = source.statistics
        let ending = statistics.ending ?? .stopped
        captureEnding = ending
        emit(.captureCounters(dropped: statistics.droppedChunks, overruns: statistics.overruns))
        logger.info(
            "capture ended",
            metadata: [
                "ending": "\(ending)", "frames": "\(capturedFrames)", "dropped": "\(statistics.droppedChunks)",
                "overruns": "\(statistics.overruns)",
            ]
        )
        if case .failed(let error) = ending {
            emit(.deviceLost(message: error.message))
        }
    }
}
