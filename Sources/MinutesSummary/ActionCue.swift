import Foundation

/// A commitment, request or assignment found in one sentence, before the conversation around it
/// (who answered, who declined, who volunteered) is taken into account.
struct ActionCue: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        /// "I'll send the runbook", "let me check": the speaker owns it.
        case commitment
        /// "Marcus, can you…", "could you send me…": the addressee owns it.
        case request
        /// "we need to rotate the certificate": nobody yet; counts once someone takes it or a date is set.
        case team
        /// "someone needs to update the doc": nobody until a volunteer answers.
        case unassigned
        /// "do you want me to add an alert?": the speaker's once the others say yes.
        case offer
        /// "Dana will handle the migration", "action item: Priya to book a room".
        case assignment
    }

    let kind: Kind
    /// Token index where the cue starts (its subject or modal).
    let start: Int
    /// Token index of the action's verb.
    let verb: Int
    /// One past the last token of the action's phrase.
    let end: Int
    /// The person named as owner (a vocative, an assignee, a collective "Everyone"), if any.
    let named: String?
    /// The phrase names no work of its own: "do it", "find out", "take care of that".
    let isVague: Bool
    /// The phrase continues an earlier task: "tear it down", "put whatever you find in the doc".
    let isReferential: Bool
}

/// Finds ``ActionCue``s in a sentence with rules over its normalized tokens.
struct ActionCueFinder: Sendable {
    let names: NameDirectory
    /// Only used to recognise that a phrase says a date, never to resolve it here.
    let resolver: DueDateResolver

    /// The cues of `sentence`, left to right; cues overlapping an earlier one's phrase are skipped.
    func cues(in sentence: Sentence) -> [ActionCue] {
        let norms = sentence.norms
        guard norms.count >= 2, !containsNegativePhrase(norms) else { return [] }
        var cues: [ActionCue] = []
        var position = 0
        while position < norms.count {
            if let cue = cue(at: position, in: sentence, norms: norms, previous: cues.last) {
                cues.append(cue)
                position = max(cue.end, position + 1)
            } else {
                position += 1
            }
        }
        return cues
    }

    /// True when a cue of any kind starts at `position`; phrases stop there.
    func startsCue(at position: Int, norms: [String]) -> Bool {
        pattern(at: position, norms: norms) != nil
    }

    // MARK: - Patterns

    private struct Pattern {
        let kind: ActionCue.Kind
        let verbStart: Int
        var named: String? = nil
    }

    private func cue(at position: Int, in sentence: Sentence, norms: [String], previous: ActionCue?) -> ActionCue? {
        guard var pattern = pattern(at: position, norms: norms, sentence: sentence) else { return nil }
        if pattern.kind == .commitment || pattern.kind == .team {
            // "Can you write a ticket and I'll take it to refinement?" still commits to the second part.
            if isQuestionSentence(sentence) && previous == nil { return nil }
            if isHedged(position, norms: norms) || isHypothetical(position, in: sentence) { return nil }
            // "…, because if it's in, I need to start the UI": a reason given, not a promise made.
            let clause = clauseStart(before: position, in: sentence)
            if norms[clause..<position].contains(where: { $0 == "because" || $0 == "cause" || $0 == "since" }) {
                return nil
            }
        }
        if pattern.kind == .assignment, pattern.named == sentence.speaker {
            pattern = Pattern(kind: .commitment, verbStart: pattern.verbStart)
        }
        let verb = skipFillers(from: pattern.verbStart, norms: norms)
        guard verb < norms.count else { return nil }
        var end = phraseEnd(from: verb, norms: norms, tokens: sentence.tokens)
        if !isActionVerb(at: verb, norms: norms, kind: pattern.kind) {
            // Talk happens now; a date means later: "I'll go through those and update the file by
            // Thursday" is work even though "go through" is usually meeting talk.
            let dated = !resolver.matches(in: norms, within: verb..<end).isEmpty
            guard dated, pattern.kind == .commitment || pattern.kind == .request,
                !Lexicon.nonVerbs.contains(norms[verb]), !["be", "say", "think", "hope"].contains(norms[verb])
            else { return nil }
        }
        var named = pattern.named
        if pattern.kind == .request || pattern.kind == .offer {
            named = named ?? addressee(in: sentence, before: position)
            if let (name, trimmed) = trailingAddressee(in: sentence, end: end) {
                named = named ?? name
                end = trimmed
            }
        }
        guard end > verb else { return nil }
        return ActionCue(
            kind: pattern.kind,
            start: position,
            verb: verb,
            end: end,
            named: named,
            isVague: isVague(verb: verb, end: end, norms: norms),
            isReferential: isReferential(verb: verb, end: end, norms: norms)
        )
    }

    private func pattern(at position: Int, norms: [String], sentence: Sentence? = nil) -> Pattern? {
        func word(_ offset: Int) -> String {
            let index = position + offset
            return index < norms.count ? norms[index] : ""
        }
        let opensClause = position == 0 || sentence.map { opens(position, $0) } ?? true
        switch word(0) {
        case "i":
            switch (word(1), word(2), word(3)) {
            case ("will", _, _): return Pattern(kind: .commitment, verbStart: position + 2)
            case ("am", "going", "to"): return Pattern(kind: .commitment, verbStart: position + 4)
            case ("am", "planning", "to"): return Pattern(kind: .commitment, verbStart: position + 4)
            case ("can", _, _): return Pattern(kind: .commitment, verbStart: position + 2)
            case ("need", "you", "to"), ("want", "you", "to"): return Pattern(kind: .request, verbStart: position + 4)
            case ("would", "like", "you"):
                return word(4) == "to" ? Pattern(kind: .request, verbStart: position + 5) : nil
            case ("need", "someone", "to"), ("need", "somebody", "to"):
                return Pattern(kind: .unassigned, verbStart: position + 4)
            case ("need", "to", _), ("have", "to", _), ("got", "to", _), ("plan", "to", _):
                return Pattern(kind: .commitment, verbStart: position + 3)
            case ("have", "got", "to"): return Pattern(kind: .commitment, verbStart: position + 4)
            case ("must", _, _), ("should", _, _): return Pattern(kind: .commitment, verbStart: position + 2)
            default: return nil
            }
        case "let" where word(1) == "me":
            return Lexicon.letMeVerbs.contains(word(2)) || word(2) == "just"
                ? Pattern(kind: .commitment, verbStart: position + 2) : nil
        case "can", "could", "would", "will":
            if word(1) == "you", opensClause {
                if word(0) == "would", word(2) == "mind" { return Pattern(kind: .request, verbStart: position + 3) }
                return Pattern(kind: .request, verbStart: position + 2)
            }
            if ["someone", "somebody", "anyone", "anybody"].contains(word(1)), opensClause {
                return Pattern(kind: .unassigned, verbStart: position + 2)
            }
            return nil
        case "do" where word(1) == "you" && word(2) == "mind" && opensClause:
            return Pattern(kind: .request, verbStart: position + 3)
        case "do" where word(1) == "you" && word(2) == "want" && word(3) == "me" && word(4) == "to":
            return Pattern(kind: .offer, verbStart: position + 5)
        case "want" where word(1) == "me" && word(2) == "to" && opensClause:
            return Pattern(kind: .offer, verbStart: position + 3)
        case "should", "shall":
            return word(1) == "i" && opensClause ? Pattern(kind: .offer, verbStart: position + 2) : nil
        case "if" where word(1) == "you" && word(2) == "could":
            return Pattern(kind: .request, verbStart: position + 3)
        case "you":
            switch (word(1), word(2)) {
            case ("need", "to"), ("have", "to"): return Pattern(kind: .request, verbStart: position + 3)
            default: return nil
            }
        case "please" where opensClause:
            return Pattern(kind: .request, verbStart: position + 1)
        case "make" where word(1) == "sure" && word(2) == "you" && opensClause:
            return Pattern(kind: .request, verbStart: position + 3)
        case "we":
            switch (word(1), word(2), word(3)) {
            case ("will", _, _), ("must", _, _): return Pattern(kind: .team, verbStart: position + 2)
            case ("are", "going", "to"): return Pattern(kind: .team, verbStart: position + 4)
            case ("need", "someone", "to"), ("need", "somebody", "to"):
                return Pattern(kind: .unassigned, verbStart: position + 4)
            case ("need", "to", _), ("have", "to", _): return Pattern(kind: .team, verbStart: position + 3)
            case ("have", "got", "to"): return Pattern(kind: .team, verbStart: position + 4)
            default: return nil
            }
        case "let's":
            return Pattern(kind: .team, verbStart: position + 1)
        case "someone", "somebody", "anyone", "anybody":
            switch (word(1), word(2)) {
            case ("needs", "to"), ("has", "to"), ("ought", "to"):
                return Pattern(kind: .unassigned, verbStart: position + 3)
            case ("should", _), ("must", _): return Pattern(kind: .unassigned, verbStart: position + 2)
            default: return nil
            }
        case "action", "todo", "to-do":
            // "Action item: …" opens a clause; "including the action items we said" does not.
            return opensClause ? explicitAssignment(at: position, norms: norms) : nil
        default:
            return thirdParty(at: position, norms: norms, sentence: sentence)
        }
    }

    /// "Action item: Priya to book a room", "action item for Marcus: update the doc".
    private func explicitAssignment(at position: Int, norms: [String]) -> Pattern? {
        var index = position + 1
        if norms[position] == "action" {
            guard index < norms.count, norms[index] == "item" || norms[index] == "items" else { return nil }
            index += 1
        }
        func word(_ at: Int) -> String { at < norms.count ? norms[at] : "" }
        var named: String?
        if word(index) == "for", let person = name(word(index + 1)) {
            named = person
            index += 2
        }
        if word(index) == "is" { index += 1 }
        if named == nil, let person = name(word(index)) {
            named = person
            index += 1
        }
        if word(index) == "i" { return nil }
        if word(index) == "will" || word(index) == "to" || word(index) == "should" {
            index += 1
        } else if word(index) == "is", word(index + 1) == "going", word(index + 2) == "to" {
            index += 3
        }
        return Pattern(kind: named == nil ? .commitment : .assignment, verbStart: index, named: named)
    }

    /// "Dana will handle it", "Marcus is going to write the RFC", "Wei needs to review it".
    private func thirdParty(at position: Int, norms: [String], sentence: Sentence?) -> Pattern? {
        guard let person = name(norms[position]), person != sentence?.speaker else { return nil }
        func word(_ offset: Int) -> String { position + offset < norms.count ? norms[position + offset] : "" }
        switch (word(1), word(2), word(3)) {
        case ("will", _, _): return Pattern(kind: .assignment, verbStart: position + 2, named: person)
        case ("is", "going", "to"): return Pattern(kind: .assignment, verbStart: position + 4, named: person)
        case ("needs", "to", _), ("has", "to", _):
            return Pattern(kind: .assignment, verbStart: position + 3, named: person)
        default:
            if norms[position].hasSuffix("'s"), word(1) == "going", word(2) == "to" {
                return Pattern(kind: .assignment, verbStart: position + 3, named: person)
            }
            return nil
        }
    }

    private func name(_ norm: String) -> String? {
        names.person(named: Token(norm: norm, word: 0, isCapitalized: true, trailing: nil))
    }

    // MARK: - Filters

    /// Whether a request can start at `position`: the sentence start, after punctuation, after a
    /// discourse marker ("okay, can you") or after a name ("Marcus can you", unpunctuated).
    ///
    /// Speech-to-text without punctuation gives no clause marks at all, so there a request may start
    /// anywhere except inside a question or a subordinate clause ("what can you", "if you can").
    private func opens(_ position: Int, _ sentence: Sentence) -> Bool {
        guard position > 0 else { return true }
        let previous = sentence.tokens[position - 1]
        if previous.trailing != nil { return true }
        if Lexicon.discourseMarkers.contains(previous.norm) || Lexicon.collectives.contains(previous.norm) {
            return true
        }
        if names.person(named: previous) != nil { return true }
        return sentence.isUnpunctuated && !Self.embedders.contains(previous.norm)
    }

    private static let embedders: Set<String> = [
        "what", "how", "where", "when", "why", "which", "who", "that", "if", "whether", "think", "wonder", "so",
        "as", "until", "unless", "because",
    ]

    /// Where the stretch of words governing `position` starts.
    ///
    /// That is after the last mark stronger than a comma, and no more than ten words back, because
    /// unpunctuated speech has no marks to go by. Commas stay inside, as in "because if it's in, I
    /// need to…".
    private func clauseStart(before position: Int, in sentence: Sentence) -> Int {
        var start = position
        while start > 0, position - start < 10 {
            let mark = sentence.tokens[start - 1].trailing
            guard mark == nil || mark == "," else { break }
            start -= 1
        }
        return start
    }

    private func isQuestionSentence(_ sentence: Sentence) -> Bool {
        guard sentence.isQuestion else { return false }
        let opener = sentence.tokens.first { !Lexicon.discourseMarkers.contains($0.norm) }?.norm ?? ""
        return Lexicon.questionOpeners.contains(opener)
    }

    /// "maybe I'll", "we could perhaps": the speaker is not committing.
    private func isHedged(_ position: Int, norms: [String]) -> Bool {
        let from = max(0, position - 2)
        return norms[from..<position].contains { Lexicon.hedges.contains($0) }
            || (position + 2 < norms.count && Lexicon.hedges.contains(norms[position + 1]))
    }

    /// "if it's something deep, I'll hand it back": a contingency, unless it names a date, which
    /// makes it a plan with a dependency ("if Sofia sends it this week, I'll have it by Monday").
    private func isHypothetical(_ position: Int, in sentence: Sentence) -> Bool {
        let norms = sentence.norms
        let clause = clauseStart(before: position, in: sentence)
        guard norms[clause..<position].contains(where: { $0 == "if" || $0 == "unless" || $0 == "suppose" }) else {
            return false
        }
        return resolver.matches(in: norms, within: position..<norms.count).isEmpty
    }

    private func containsNegativePhrase(_ norms: [String]) -> Bool {
        Lexicon.negativePhrases.occurs(in: norms)
    }

    private func skipFillers(from start: Int, norms: [String]) -> Int {
        var index = start
        var progressed = true
        while progressed, index < norms.count {
            progressed = false
            if Lexicon.adverbs.contains(norms[index]) {
                index += 1
                progressed = true
                continue
            }
            if let length = Lexicon.fillerPhrases.match(in: norms, at: index) {
                index += length
                progressed = true
            }
        }
        return index
    }

    private func isActionVerb(at index: Int, norms: [String], kind: ActionCue.Kind) -> Bool {
        let verb = Self.baseForm(norms[index])
        guard !Lexicon.nonVerbs.contains(verb), verb.first?.isLetter == true else { return false }
        if verb == "let" {
            // "I'll let the team know" is work; "I'll let Bob explain" hands over the floor.
            return norms[(index + 1)..<min(norms.count, index + 5)].contains("know")
        }
        if Lexicon.conversationalVerbs.contains(verb) {
            // Talk verbs name work only with an object: "ask Wei to review it", not "ask" or "start and…".
            let next = index + 1 < norms.count ? norms[index + 1] : ""
            guard let blockers = Lexicon.conversationalUnlessObject[verb], !next.isEmpty, !blockers.contains(next),
                !["and", "but", "or", "so", "then", "now"].contains(next)
            else {
                return false
            }
        }
        switch kind {
        case .team, .unassigned:
            return Lexicon.actionVerbs.contains(verb)
        case .commitment, .request, .offer, .assignment:
            return true
        }
    }

    /// "reviewing" → "review", for "would you mind reviewing…".
    static func baseForm(_ word: String) -> String {
        guard word.hasSuffix("ing"), word.count > 5 else { return word }
        var base = String(word.dropLast(3))
        if let last = base.last, let previous = base.dropLast().last, last == previous, !"lsz".contains(last) {
            base.removeLast()
        }
        return eRestored[base] ?? base
    }

    private static let eRestored: [String: String] = [
        "mak": "make", "tak": "take", "writ": "write", "hav": "have", "giv": "give", "shar": "share",
        "updat": "update", "creat": "create", "schedul": "schedule", "prepar": "prepare", "chas": "chase",
        "clos": "close", "mov": "move", "rotat": "rotate", "migrat": "migrate", "remov": "remove",
        "handl": "handle", "organiz": "organize", "finaliz": "finalize", "pric": "price", "us": "use",
        "invit": "invite", "releas": "release", "merg": "merge", "revis": "revise", "configur": "configure",
    ]

    // MARK: - Phrase extent

    /// Where the action's phrase ends: at the end of the clause, before a conjunction that starts a
    /// new thought ("because", "but", "so"), before a new subject after a comma, or after 24 words.
    private func phraseEnd(from verb: Int, norms: [String], tokens: [Token]) -> Int {
        var index = verb
        while index < norms.count {
            if index > verb {
                let word = norms[index]
                if Lexicon.clauseBreakers.contains(word) { return index }
                if word == "and", index + 1 < norms.count,
                    Lexicon.clauseSubjects.contains(norms[index + 1]) || startsCue(at: index + 1, norms: norms)
                {
                    return index
                }
                if tokens[index - 1].trailing == "," || tokens[index - 1].trailing == ":" {
                    if Lexicon.clauseSubjects.contains(word) || Lexicon.discourseMarkers.contains(word)
                        || Self.commaStoppers.contains(word)
                    {
                        return index
                    }
                }
                if startsCue(at: index, norms: norms) { return index }
                // A new subject and verb start a new clause, unless a subordinator ties them in:
                // "…the report it's all local" ends, "…when it's up" goes on.
                if index > verb + 1, Lexicon.clauseSubjects.contains(word), index + 1 < norms.count,
                    Self.auxiliaries.contains(norms[index + 1]), !Self.subordinators.contains(norms[index - 1])
                {
                    return index
                }
            }
            if tokens[index].endsClause { return index + 1 }
            index += 1
            if index - verb >= 24 { return index }
        }
        return index
    }

    private static let auxiliaries: Set<String> = [
        "is", "are", "was", "were", "will", "would", "have", "has", "had", "can", "could", "should", "am", "do",
        "does", "did", "think", "need", "want", "guess", "mean", "might", "must",
    ]
    private static let subordinators: Set<String> = [
        "as", "when", "once", "if", "until", "before", "after", "because", "since", "that", "while", "so", "what",
        "where", "whether", "how", "why", "which", "who", "unless", "than", "though", "although", "whatever",
    ]

    private static let commaStoppers: Set<String> = [
        "promise", "please", "thanks", "if", "since", "because", "for", "probably", "maybe", "hopefully",
        "assuming", "unless", "which", "otherwise", "though", "then", "by", "as", "in", "not",
    ]

    /// "Marcus, can you…", "Sorry, Tomás, could you…", "Everyone, please…".
    private func addressee(in sentence: Sentence, before position: Int) -> String? {
        var found: String?
        for index in 0..<position {
            let token = sentence.tokens[index]
            let standsAlone = token.trailing == "," || index == position - 1 || index == 0
            guard standsAlone else { continue }
            if let person = names.person(named: token), person != sentence.speaker {
                found = person
            } else if Lexicon.collectives.contains(token.norm), token.norm != "all" || index == 0 {
                found = "Everyone"
            } else if index == 0, token.trailing == ",", token.isCapitalized, token.norm.count > 1,
                !Lexicon.stopwords.contains(token.norm), !Lexicon.discourseMarkers.contains(token.norm),
                token.norm.allSatisfy(\.isLetter)
            {
                found = sentence.words[token.word].trimmingCharacters(in: .punctuationCharacters)
            }
        }
        return found
    }

    /// "…in the channel, Marcus?": a name after the last comma of the phrase.
    private func trailingAddressee(in sentence: Sentence, end: Int) -> (String, Int)? {
        var last = end - 1
        while last > 0, ["please", "thanks", "then"].contains(sentence.tokens[last].norm) { last -= 1 }
        guard last > 0, sentence.tokens[last - 1].trailing == "," else { return nil }
        if let person = names.person(named: sentence.tokens[last]), person != sentence.speaker {
            return (person, last)
        }
        if Lexicon.collectives.contains(sentence.tokens[last].norm) { return ("Everyone", last) }
        return nil
    }

    // MARK: - Vague and referential phrases

    private func isVague(verb: Int, end: Int, norms: [String]) -> Bool {
        guard verb + 1 < end else { return true }
        let dated = resolver.matches(in: norms, within: (verb + 1)..<end).flatMap { Array($0.range) }
        let content = ((verb + 1)..<end).filter { index in
            let word = norms[index]
            // Adverbs ("easily", "properly") say how, not what.
            return !dated.contains(index) && !Lexicon.stopwords.contains(word) && !Self.vagueWords.contains(word)
                && !(word.hasSuffix("ly") && word.count > 4)
                && names.person(named: Token(norm: word, word: 0, isCapitalized: true, trailing: nil)) == nil
        }
        return content.isEmpty
    }

    private func isReferential(verb: Int, end: Int, norms: [String]) -> Bool {
        var index = verb + 1
        while index < end, Self.particles.contains(norms[index]) { index += 1 }
        guard index < end else { return false }
        return Self.referents.contains(norms[index])
    }

    private static let vagueWords: Set<String> = [
        "it", "that", "this", "them", "those", "one", "done", "sorted", "care", "mine", "yours", "day", "week",
        "time", "answer", "thing", "bit", "now", "later", "soon", "first", "morning", "afternoon", "internally",
        "properly", "asap", "tonight", "today", "tomorrow", "there", "here", "promise", "side",
    ]
    private static let particles: Set<String> = [
        "at", "to", "on", "into", "over", "up", "out", "through", "with", "down", "about",
    ]
    private static let referents: Set<String> = [
        "it", "that", "this", "them", "those", "these", "whatever", "mine", "everything",
    ]
}
