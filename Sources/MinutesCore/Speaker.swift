/// A voice in one session.
public struct Speaker: Hashable, Sendable, Codable {
    public var id: SpeakerID
    public var session: SessionID
    /// The diarizer's cluster label that this speaker was derived from.
    public var cluster: String
    /// 1 for the first voice heard in the session, 2 for the next: gives unnamed speakers
    /// the stable labels "Speaker 1", "Speaker 2".
    public var ordinal: Int
    /// The name a person gave this voice, if any.
    public var name: String?
    /// The enrolled voice this speaker was matched to or enrolled as.
    public var profile: ProfileID?
    /// Set once the speaker was forgotten: their text is redacted and their name cleared.
    public var isForgotten: Bool

    public init(
        id: SpeakerID,
        session: SessionID,
        cluster: String,
        ordinal: Int,
        name: String? = nil,
        profile: ProfileID? = nil,
        isForgotten: Bool = false
    ) {
        self.id = id
        self.session = session
        self.cluster = cluster
        self.ordinal = ordinal
        self.name = name
        self.profile = profile
        self.isForgotten = isForgotten
    }

    /// What the timeline and the exports show: the name when there is one.
    public var displayName: String {
        if isForgotten { return "Speaker \(ordinal) (forgotten)" }
        return name ?? "Speaker \(ordinal)"
    }
}

extension Speaker {
    /// A new voice for `cluster`, numbered after `existing`, with an id derived from the session
    /// and cluster (salted past any id already taken, so a cluster label reused by a later pass
    /// never takes over an earlier speaker).
    public static func new(cluster: String, session: SessionID, existing: [Speaker]) -> Speaker {
        var salt = 0
        var speakerID = SpeakerID.derived(session: session, cluster: cluster)
        while existing.contains(where: { $0.id == speakerID }) {
            salt += 1
            speakerID = SpeakerID.derived(session: session, cluster: cluster, salt: salt)
        }
        let ordinal = (existing.map(\.ordinal).max() ?? 0) + 1
        return Speaker(id: speakerID, session: session, cluster: cluster, ordinal: ordinal)
    }
}
