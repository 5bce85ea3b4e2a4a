import Foundation

/// An enrolled voice: a name and the voice prints that later meetings are matched against.
public struct SpeakerProfile: Hashable, Sendable, Codable {
    public var id: ProfileID
    public var name: String
    /// Speaker embeddings (one per enrollment clip), each L2-normalizable.
    public var voicePrints: [[Float]]
    public var createdAt: Date

    public init(id: ProfileID, name: String, voicePrints: [[Float]], createdAt: Date) {
        self.id = id
        self.name = name
        self.voicePrints = voicePrints
        self.createdAt = createdAt
    }
}
