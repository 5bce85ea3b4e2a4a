/// One display line of the timeline.
struct TimelineRow: Hashable, Sendable {
    var anchor: TimelineAnchor
    var spans: [StyledSpan]
}
