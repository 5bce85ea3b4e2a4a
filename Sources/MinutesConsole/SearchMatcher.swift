/// Case-insensitive matching by grapheme, so highlights line up with the cells drawn.
enum SearchMatcher {
    /// The ranges of `characters` that match `query`, not overlapping, in order.
    static func matches(of query: String, in characters: [Character]) -> [Range<Int>] {
        let needle = query.map(fold)
        guard !needle.isEmpty, characters.count >= needle.count else { return [] }
        let haystack = characters.map(fold)
        var ranges: [Range<Int>] = []
        var index = 0
        while index + needle.count <= haystack.count {
            if haystack[index..<(index + needle.count)].elementsEqual(needle) {
                ranges.append(index..<(index + needle.count))
                index += needle.count
            } else {
                index += 1
            }
        }
        return ranges
    }

    /// True when `text` contains `query`, ignoring case.
    static func contains(_ query: String, in text: String) -> Bool {
        !matches(of: query, in: Array(text)).isEmpty
    }

    private static func fold(_ character: Character) -> String {
        character.lowercased()
    }
}
