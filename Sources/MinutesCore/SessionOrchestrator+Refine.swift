import Logging

/// Refine: a careful pass over a finished meeting's recording replaces its live timeline,
/// keeping what the user did live (``TimelineRefinement``), one refine per session at a time.
extension SessionOrchestrator {
    /// How often a refinement is laid again over a timeline a forget changed meanwhile.
    static let refineAttempts = 5

    /// Claims `id` for a refine until ``endRefine(_:)``.
    ///
    /// - Returns: The session.
    /// - Throws: `.conflict` while the meeting is still being recorded or another refine of it
    ///   runs in this process; `.notFound` for an unknown session.
    public func beginRefine(_ id: SessionID) async throws -> Session {
        let session = try await session(id)
        guard session.endedAt != nil else {
            throw MinutesError(.conflict, "session \(id) is still being recorded; refine it once the meeting has ended")
        }
        guard !refining.contains(id) else {
            throw MinutesError.refineRunning(id)
        }
        refining.insert(id)
        return session
    }

    /// Releases the claim of ``beginRefine(_:)``, whether the refine succeeded or not.
    public func endRefine(_ id: SessionID) {
        refining.remove(id)
    }

    /// Replaces the session's timeline with a careful pass's segments.
    ///
    /// What derives from the timeline is rebuilt: the summary is dropped (build it again from
    /// the refined text), cached LLM answers cleared, stored exports rewritten. The live
    /// version stays readable (``liveVersion(_:)``).
    ///
    /// - Parameter matches: enrolled voices the careful pass recognised, by its cluster labels;
    ///   they name the speakers nobody named live.
    public func applyRefinement(
        _ refined: [SegmentDraft],
        matches: [String: ProfileMatcher.Match] = [:],
        to id: SessionID
    ) async throws -> TimelineRefinement {
        // A forget that lands while the refinement is laid over the timeline makes the store
        // refuse it; it is laid again over what the forget left.
        var attempts = 0
        var refinement: TimelineRefinement
        repeat {
            attempts += 1
            let live = try await manifest(id)
            refinement = TimelineRefinement(live: live, refined: refined)
            let replacement = TimelineReplacement(
                session: id,
                speakers: refinement.speakers,
                segments: refinement.segments,
                live: live
            )
            if try await store.replaceTimeline(replacement) { break }
            guard attempts < Self.refineAttempts else {
                throw MinutesError(
                    .conflict,
                    "speakers of session \(id) kept being forgotten during the refine; run it again"
                )
            }
        } while true
        let profiles = try await store.profiles()
        let linked = Set(refinement.speakers.compactMap(\.profile))
        for (cluster, speakerID) in refinement.voices.sorted(by: { $0.key < $1.key }) {
            guard let match = matches[cluster], !linked.contains(match.profile),
                let profile = profiles.first(where: { $0.id == match.profile }),
                let speaker = refinement.speakers.first(where: { $0.id == speakerID }),
                speaker.name == nil, !speaker.isForgotten
            else { continue }
            try await linkSpeaker(speakerID, in: id, to: profile)
        }
        try await summaryCache?.removeCachedSummaries(of: id)
        try await rewriteStoredExports(of: id)
        logger.info(
            "session refined",
            metadata: [
                "session.id": "\(id)", "segments": "\(refinement.segments.count)",
                "changes": "\(refinement.changes.count)",
            ]
        )
        return refinement
    }

    /// The session as the live pass heard it: the kept live version once refined, else the
    /// timeline itself.
    public func asHeardLive(_ id: SessionID) async throws -> ExportManifest {
        if let kept = try await store.liveVersion(of: id) { return kept }
        return try await manifest(id)
    }

    /// The session as heard live, before its first refine.
    ///
    /// - Throws: `.notFound` when the session was never refined (its timeline is the live one).
    public func liveVersion(_ id: SessionID) async throws -> ExportManifest {
        _ = try await session(id)
        guard let live = try await store.liveVersion(of: id) else {
            throw MinutesError(.notFound, "session \(id) was never refined: its timeline is the live version")
        }
        return live
    }
}
