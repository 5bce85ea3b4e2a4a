import Foundation
import Logging
import MinutesAudio
import MinutesCore

/// What the person at the console asks for.
extension LiveMeeting {
    /// Serves actions in order until quit; summaries and exports run as child tasks so a long
    /// LLM call never holds up a pause or a name.
    func serveActions() async {
        await withTaskGroup(of: Void.self) { group in
            for await action in actions {
                switch action {
                case .pauseCapture:
                    setPaused(true)
                case .resumeCapture:
                    setPaused(false)
                case .labelSpeaker(let id, let name, let enroll):
                    await labelSpeaker(id, name: name, enroll: enroll)
                case .forgetSpeaker(let id):
                    await forgetSpeaker(id)
                case .buildSummary:
                    guard !isSummarizing else {
                        emit(.notice("A summary is already being built.", isError: false))
                        continue
                    }
                    isSummarizing = true
                    group.addTask { await self.buildSummary() }
                case .export(let format):
                    group.addTask { await self.export(format) }
                case .searchMeetings(let text):
                    group.addTask { await self.searchMeetings(text) }
                case .listRefines:
                    let recordings = URL(fileURLWithPath: recordingPath).deletingLastPathComponent().path
                    emit(.refinesListed(RefineStatus.all(inDirectory: recordings).map(\.summary)))
                case .bookmark(let time):
                    await bookmark(time)
                case .acceptRecovery, .declineRecovery:
                    // Interrupted recordings are offered by the app before a meeting starts.
                    logger.debug("recovery answer ignored by the live meeting")
                case .quit:
                    logger.info("quit requested")
                    source.stop()
                    actionSink.finish()
                }
            }
        }
    }

    /// Searches every stored meeting, this one included, as `minutes search` does.
    private func searchMeetings(_ text: String) async {
        do {
            let hits = try await orchestrator.search(try SearchQuery(text: text, limit: SearchQuery.largestLimit))
            emit(.meetingSearchFinished(query: text, hits: hits))
        } catch {
            emit(.notice("Search failed: \(Self.message(error))", isError: true))
        }
    }

    private func setPaused(_ paused: Bool) {
        if let captureEnding {
            emit(
                .notice(
                    "Capture has ended (\(captureEnding)); it cannot be \(paused ? "paused" : "resumed").",
                    isError: true
                )
            )
            return
        }
        if paused {
            source.pause()
        } else {
            source.resume()
        }
        emit(.captureStatusChanged(paused ? .paused : .recording))
    }

    private func labelSpeaker(_ id: SpeakerID, name: String, enroll: Bool) async {
        let speaker: Speaker
        do {
            speaker = try await orchestrator.labelSpeaker(id, in: session, name: name)
        } catch {
            emit(.notice("Could not name the speaker: \(Self.message(error))", isError: true))
            return
        }
        speakersByLabel[speaker.cluster] = speaker
        emit(.speakerRenamed(id, name: speaker.name ?? ""))
        guard enroll, let name = speaker.name else { return }
        await enrollVoice(of: speaker, as: name)
    }

    /// Enrolls the speaker's kept solo speech under `name` and links them to it, so the next
    /// meeting recognises them.
    private func enrollVoice(of speaker: Speaker, as name: String) async {
        let samples = voices.samples(of: speaker.cluster)
        let heard = Double(samples.count) / 16_000
        guard heard >= configuration.minimumEnrollment else {
            let needed = String(format: "%.0f", configuration.minimumEnrollment)
            let message =
                "Heard too little of \(name) alone to remember their voice "
                + "(\(String(format: "%.1f", heard)) s, need \(needed) s)."
            emit(.notice(message, isError: true))
            return
        }
        do {
            let print = try await labeller.embedder.embedding(of: samples)
            let profile = try await orchestrator.enroll(name: name, voicePrints: [print], replace: true)
            let linked = try await orchestrator.linkSpeaker(speaker.id, in: session, to: profile)
            speakersByLabel[linked.cluster] = linked
            try await loadProfiles()
            logger.info("voice enrolled", metadata: ["speaker.id": "\(speaker.id)", "profile.id": "\(profile.id)"])
            emit(.notice("\(name)'s voice will be recognised in future meetings.", isError: false))
        } catch {
            emit(.notice("Could not remember \(name)'s voice: \(Self.message(error))", isError: true))
        }
    }

    private func forgetSpeaker(_ id: SpeakerID) async {
        do {
            let speaker = try await orchestrator.forgetSpeaker(id, in: session)
            voices.remove(speaker.cluster)
            speakersByLabel[speaker.cluster] = speaker
            pendingRecognitions[speaker.cluster] = nil
            // Their enrolled voice is gone from the store: stop recognising it.
            try await loadProfiles()
            emit(.speakerForgotten(id))
        } catch {
            emit(.notice("Could not forget the speaker: \(Self.message(error))", isError: true))
        }
    }

    private func buildSummary() async {
        defer { isSummarizing = false }
        do {
            let outcome = try await orchestrator.summarize(
                session,
                with: summarizer,
                maxPoints: configuration.summaryPoints
            )
            emit(.summaryReady(outcome.summary))
            if let reason = outcome.fallbackReason {
                emit(.notice("The LLM did not answer (\(reason)); this summary was made offline.", isError: false))
            }
        } catch {
            logger.error("summary failed", metadata: ["error": "\(error)"])
            emit(.summaryFailed(message: Self.message(error)))
        }
    }

    /// Stores the bookmark with the session, where the Markdown minutes and the manifest
    /// find it; the screen shows it at once either way.
    private func bookmark(_ time: Double) async {
        bookmarks.append(time)
        do {
            try await orchestrator.bookmark(session, at: time)
            emit(.notice("Bookmarked \(Timecode.clock(seconds: time))", isError: false))
        } catch {
            logger.error("bookmark not stored", metadata: ["error": "\(error)"])
            emit(.notice("Bookmark not saved: \(Self.message(error))", isError: true))
        }
    }

    /// Writes the session as `format` next to the recording: `<recording name>.<ext>`.
    private func export(_ format: ExportFormat) async {
        let path = exportDirectory + "/" + recorder.name + "." + format.fileExtension
        do {
            let text = try await orchestrator.export(session, format: format)
            try FileManager.default.createDirectory(atPath: exportDirectory, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            logger.info("exported", metadata: ["format": "\(format.rawValue)", "bytes": "\(text.utf8.count)"])
            emit(.exportFinished(format, path: path))
        } catch {
            logger.error("export failed", metadata: ["format": "\(format.rawValue)", "error": "\(error)"])
            emit(.exportFailed(format, message: Self.message(error)))
        }
    }
}
