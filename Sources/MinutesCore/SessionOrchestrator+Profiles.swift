import Foundation
import Logging

/// Enrolled voices: remembering a person across meetings, naming them, forgetting them.
extension SessionOrchestrator {
    /// All enrolled voices, by name.
    public func profiles() async throws -> [SpeakerProfile] {
        try await store.profiles()
    }

    /// Stores a voice print under `name`.
    /// - Throws: `.conflict` when the name is taken and `replace` is false.
    public func enroll(name: String, voicePrints: [[Float]], replace: Bool = false) async throws -> SpeakerProfile {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw MinutesError(.invalidInput, "an enrolled speaker needs a name") }
        guard !voicePrints.isEmpty else { throw MinutesError(.empty, "no voice print to enroll for \(trimmed)") }
        var profile = SpeakerProfile(id: .random(), name: trimmed, voicePrints: voicePrints, createdAt: clock.now())
        if let existing = try await store.profiles().first(where: { $0.name.lowercased() == trimmed.lowercased() }) {
            guard replace else {
                throw MinutesError(
                    .conflict,
                    "a speaker named '\(existing.name)' is already enrolled; pass --replace to replace the voice"
                )
            }
            profile.id = existing.id
        }
        try await store.saveProfile(profile)
        logger.info("speaker enrolled", metadata: ["profile.id": "\(profile.id)", "prints": "\(voicePrints.count)"])
        return profile
    }

    /// Names a session's speaker after an enrolled voice and links them, so forgetting the
    /// person later reaches this session too.
    @discardableResult
    public func linkSpeaker(
        _ speakerID: SpeakerID,
        in id: SessionID,
        to profile: SpeakerProfile
    ) async throws -> Speaker {
        var speaker = try await labelSpeaker(speakerID, in: id, name: profile.name)
        speaker.profile = profile.id
        try await saveNameAndVoice(of: speaker)
        return speaker
    }

    /// Forgets an enrolled person everywhere: their voice print is deleted and their text is
    /// redacted in every session and stored export where they were recognised or named.
    /// - Returns: how many session speakers were forgotten.
    @discardableResult
    public func forgetProfile(named name: String) async throws -> Int {
        guard let profile = try await store.profiles().first(where: { $0.name.lowercased() == name.lowercased() })
        else {
            throw MinutesError(.notFound, "no enrolled speaker named '\(name)' (see `minutes speakers list`)")
        }
        let linked = try await store.speakers(linkedTo: profile.id)
        for speaker in linked {
            try await forgetSpeaker(speaker.id, in: speaker.session)
        }
        try await store.deleteProfile(profile.id)
        return linked.count
    }
}
