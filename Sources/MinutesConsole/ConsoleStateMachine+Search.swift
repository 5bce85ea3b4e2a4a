import MinutesCore

extension ConsoleStateMachine {
    /// Typing after `/`: every character is part of the query.
    mutating func handleSearchKey(_ key: KeyPress) -> [ConsoleAction] {
        switch key {
        case .character(let character):
            state.search.draft?.append(character)
        case .backspace:
            if state.search.draft?.isEmpty == true {
                state.search.draft = nil
                state.search.isDraftForAllMeetings = false
                presentNextPrompt()
            } else {
                state.search.draft?.removeLast()
            }
        case .enter:
            let query = ConsoleStateMachine.trimmed(state.search.draft ?? "")
            if state.search.isDraftForAllMeetings {
                return searchAllMeetings(query)
            }
            commitSearch(query)
        case .escape:
            state.search.draft = nil
            state.search.isDraftForAllMeetings = false
            presentNextPrompt()
        default:
            _ = handleScrollKey(key)
        }
        return []
    }

    /// Asks the engine to search every stored meeting; the in-meeting search stays as it was.
    private mutating func searchAllMeetings(_ query: String) -> [ConsoleAction] {
        state.search.draft = nil
        state.search.isDraftForAllMeetings = false
        presentNextPrompt()
        guard !query.isEmpty else { return [] }
        notify("Searching every meeting for “\(query)”…")
        return [.searchMeetings(query)]
    }

    /// Shows the hits of every stored meeting in a scrolling list.
    mutating func meetingSearchFinished(query: String, hits: [SearchHit]) {
        clearTransientMessage()
        guard !hits.isEmpty else {
            notify("No meeting mentions “\(query)”.")
            return
        }
        let lines = SearchListing.render(hits).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let count = hits.count == 1 ? "1 hit" : "\(hits.count) hits"
        state.overlay = .listing(ScrollingListing(title: "All meetings: \(query) (\(count))", lines: lines))
    }

    /// Shows `r`'s answer: the background refines of earlier meetings, or that there are none.
    mutating func refinesListed(_ lines: [String]) {
        guard !lines.isEmpty else {
            notify("No meeting is being refined or has been refined in the background.")
            return
        }
        state.overlay = .listing(ScrollingListing(title: "Background refines (\(lines.count))", lines: lines))
    }

    /// Runs `query` and shows its first match.
    private mutating func commitSearch(_ query: String) {
        state.search = SearchState(query: query)
        clearTransientMessage()
        defer { presentNextPrompt() }
        guard !query.isEmpty else { return }
        recomputeSearchHits()
        guard let first = state.search.hits.first else {
            notify("No matches for “\(query)”.")
            return
        }
        state.search.current = 0
        reveal(item: first)
    }

    /// `n` and `N`: the next or previous match, wrapping around.
    mutating func moveToHit(by step: Int) {
        let hits = state.search.hits
        guard !hits.isEmpty else {
            notify(state.search.query.isEmpty ? "Press / to search." : "No matches for “\(state.search.query)”.")
            return
        }
        clearTransientMessage()
        let current = state.search.current ?? (step > 0 ? -1 : 0)
        let next = ((current + step) % hits.count + hits.count) % hits.count
        state.search.current = next
        reveal(item: hits[next])
    }

    /// Finds every match again (after a forget changed the text), keeping the current item if
    /// it still matches.
    mutating func recomputeSearchHits() {
        let currentItem = state.search.currentItem
        let query = state.search.query
        state.search.hits = state.timeline.indices.filter { index in
            guard let entry = state.timeline[index].entry else { return false }
            return matchesSearch(entry, query: query)
        }
        state.search.current =
            currentItem.flatMap { state.search.hits.firstIndex(of: $0) }
            ?? (state.search.hits.isEmpty ? nil : 0)
    }

    /// True when the caption's text or its speaker's name contains `query`.
    func matchesSearch(_ entry: TimelineEntry, query: String) -> Bool {
        if SearchMatcher.contains(query, in: entry.text) { return true }
        guard let name = state.speaker(entry.speaker)?.displayName else { return false }
        return SearchMatcher.contains(query, in: name)
    }

    /// `text` without surrounding spaces.
    static func trimmed(_ text: String) -> String {
        String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }

    /// Drops a message that would hide the search position; sticky ones (device lost) stay.
    private mutating func clearTransientMessage() {
        if state.statusMessage?.ticksLeft != nil { state.statusMessage = nil }
    }
}
