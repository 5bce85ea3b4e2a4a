/// A key and what it does, as the status line and the help overlay show it.
struct KeyHint: Hashable, Sendable {
    var key: String
    var label: String
    /// Lower is more important: when the line is too narrow, the least important go first.
    var priority: Int

    /// Columns taken: `key label`.
    var width: Int { DisplayWidth.of(text: key) + 1 + DisplayWidth.of(text: label) }

    /// The hints that fit in `width` columns (two spaces apart), keeping the given order.
    static func fitting(_ hints: [KeyHint], in width: Int) -> [KeyHint] {
        var chosen: Set<Int> = []
        var used = 0
        for (index, hint) in hints.enumerated().sorted(by: { $0.element.priority < $1.element.priority }) {
            let needed = hint.width + (chosen.isEmpty ? 0 : 2)
            guard used + needed <= width else { continue }
            used += needed
            chosen.insert(index)
        }
        return hints.enumerated().filter { chosen.contains($0.offset) }.map(\.element)
    }
}
