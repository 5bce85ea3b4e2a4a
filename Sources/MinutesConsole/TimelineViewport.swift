/// Which part of the timeline is on screen.
///
/// Following (the default) keeps the newest line at the bottom. Scrolling up stops
/// following and pins ``anchor`` as the top line, so new captions arriving below do not
/// move what the user is reading; End (or scrolling back to the bottom) follows again.
public struct TimelineViewport: Hashable, Sendable {
    public var isFollowing: Bool
    /// The top line while not following; ignored while following.
    public var anchor: TimelineAnchor

    public init(isFollowing: Bool = true, anchor: TimelineAnchor = .top) {
        self.isFollowing = isFollowing
        self.anchor = anchor
    }
}
