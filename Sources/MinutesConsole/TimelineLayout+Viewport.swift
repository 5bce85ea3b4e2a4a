extension TimelineLayout {
    /// The display lines visible in a timeline area `height` rows tall.
    func visibleRows(height: Int) -> [TimelineRow] {
        guard height > 0, itemCount > 0 else { return [] }
        let start = topAnchor(height: height)
        var visible: [TimelineRow] = []
        var item = start.item
        var skip = start.line
        while visible.count < height, item < itemCount {
            visible += rows(ofItem: item).dropFirst(skip).prefix(height - visible.count)
            skip = 0
            item += 1
        }
        return visible
    }

    /// The line drawn at the top: the pinned anchor, unless following or scrolled past the
    /// point where the last line reaches the bottom.
    func topAnchor(height: Int) -> TimelineAnchor {
        let followTop = followTopAnchor(height: height)
        guard !state.viewport.isFollowing else { return followTop }
        return min(clamped(state.viewport.anchor), followTop)
    }

    /// The top line of the view that ends with the newest line (or the first line, when
    /// everything fits).
    func followTopAnchor(height: Int) -> TimelineAnchor {
        guard itemCount > 0 else { return .top }
        let last = TimelineAnchor(item: itemCount - 1, line: max(0, lineCount(ofItem: itemCount - 1) - 1))
        return anchor(last, movedBy: -(max(1, height) - 1))
    }

    /// `anchor` moved `delta` display lines down (negative: up), stopping at either end.
    func anchor(_ anchor: TimelineAnchor, movedBy delta: Int) -> TimelineAnchor {
        guard itemCount > 0 else { return .top }
        var item = clamped(anchor).item
        var line = clamped(anchor).line
        var remaining = delta
        while remaining > 0 {
            let count = lineCount(ofItem: item)
            if line + remaining < count { return TimelineAnchor(item: item, line: line + remaining) }
            if item == itemCount - 1 { return TimelineAnchor(item: item, line: max(0, count - 1)) }
            remaining -= count - line
            item += 1
            line = 0
        }
        while remaining < 0 {
            if line + remaining >= 0 { return TimelineAnchor(item: item, line: line + remaining) }
            if item == 0 { return .top }
            remaining += line + 1
            item -= 1
            line = max(0, lineCount(ofItem: item) - 1)
        }
        return TimelineAnchor(item: item, line: line)
    }

    /// `anchor` limited to an existing item and line.
    func clamped(_ anchor: TimelineAnchor) -> TimelineAnchor {
        guard itemCount > 0 else { return .top }
        let item = min(max(0, anchor.item), itemCount - 1)
        let line = min(max(0, anchor.line), max(0, lineCount(ofItem: item) - 1))
        return TimelineAnchor(item: item, line: line)
    }
}
