/// One normalized word of a sentence, the unit every detector matches on.
///
/// Contractions are expanded into several tokens ("I'll" becomes `i` `will`, "can't" becomes
/// `can` `not`) so that one rule covers every spelling a transcriber produces. Each token remembers
/// the written word it came from, so a matched span can be shown as the person said it.
struct Token: Hashable, Sendable {
    /// Lowercased, curly apostrophes straightened, surrounding punctuation removed.
    let norm: String
    /// Index of the written word in ``Sentence/words``.
    let word: Int
    /// The written word started with an uppercase letter (a name, when casing is reliable).
    let isCapitalized: Bool
    /// Punctuation written right after the word (`,` `.` `?` `!` `;` `:`), on the word's last token only.
    ///
    /// A dash counts as `;` and an ellipsis as `.`.
    let trailing: Character?

    /// The token ends a clause: a sentence mark or a semicolon follows it.
    var endsClause: Bool {
        guard let trailing else { return false }
        return trailing == "." || trailing == "?" || trailing == "!" || trailing == ";"
    }
}
