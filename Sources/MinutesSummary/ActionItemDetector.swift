import MinutesCore

/// Finds action items, with owners and due dates, in the sentences of a meeting.
///
/// A sentence alone rarely settles an action item; the conversation does. So the detector reads
/// in order and lets later sentences shape earlier cues:
/// - a request goes to the person named ("Bob, can you…", "…, Bob?"), otherwise to whoever answers;
/// - an answer that commits ("Sure, I'll have it by Friday") settles the owner and adds the date,
///   and is not listed again; a refusal ("honestly, I can't this sprint") drops the request;
/// - "someone needs to…" and "we need to…" count once a person takes them ("I can take that");
/// - an offer ("do you want me to…?") counts once the others say yes;
/// - "I'll do it next week" with nothing of its own continues the speaker's recent item and gives it a
///   date, while "I'll find out" after a question becomes "Find out (re: the question)";
/// - a request with nothing of its own ("Please do.") counts only if someone commits to it;
/// - a date given in answer to "when…?" ("Thursday, probably.", "I'll have a PR up by Monday")
///   completes the item just discussed instead of starting a new one;
/// - the same task said twice by one owner is listed once.
struct ActionItemDetector: Sendable {
    let names: NameDirectory
    let resolver: DueDateResolver

    /// Sentences to look back over when a reply, a continuation or a date may belong to an item.
    static let replyWindow = 3
    static let continuationWindow = 8
    static let followUpWindow = 4

    func detect(in sentences: [Sentence]) -> [ActionItem] {
        let finder = ActionCueFinder(names: names, resolver: resolver)
        var positionInTurn: [Int] = []
        positionInTurn.reserveCapacity(sentences.count)
        for sentence in sentences {
            let previous = sentence.index > 0 ? sentences[sentence.index - 1] : nil
            positionInTurn.append(previous?.turn == sentence.turn ? positionInTurn[sentence.index - 1] + 1 : 0)
        }
        var drafts: [Draft] = []
        for sentence in sentences {
            let cues = finder.cues(in: sentence)
            var consumed = Set<Int>()
            if positionInTurn[sentence.index] < 2 {
                answer(&drafts, with: sentence, cues: cues, consumed: &consumed)
            }
            addDates(to: &drafts, from: sentence, in: sentences, hasCues: !cues.isEmpty)
            var fromThisSentence: Int?
            for (offset, cue) in cues.enumerated() where !consumed.contains(offset) {
                let due = due(of: offset, in: cues, sentence: sentence)
                guard var draft = place(cue, due: due, in: sentence, sentences: sentences, drafts: &drafts) else {
                    continue
                }
                if let earlier = fromThisSentence, drafts[earlier].owner == draft.owner,
                    drafts[earlier].kind == draft.kind
                {
                    drafts[earlier].absorb(sameSentence: draft)
                    continue
                }
                if let earlier = fromThisSentence, cue.isReferential, draft.kind == .commitment {
                    // "Can you write a ticket for it and I'll take it to refinement?": "it" is the ticket.
                    draft.text += " (re: \(drafts[earlier].text))"
                    draft.stems.formUnion(drafts[earlier].stems)
                }
                drafts.append(draft)
                fromThisSentence = drafts.count - 1
            }
        }
        return finish(drafts, sentences: sentences)
    }

    // MARK: - Replies

    /// Lets `sentence` answer the most recent open request, need or offer it can answer.
    private func answer(_ drafts: inout [Draft], with sentence: Sentence, cues: [ActionCue], consumed: inout Set<Int>) {
        guard let target = drafts.indices.reversed().first(where: { drafts[$0].canBeAnswered(by: sentence) }) else {
            return
        }
        var draft = drafts[target]
        draft.replyTurn = sentence.turn
        draft.lastTouched = sentence.index
        defer { drafts[target] = draft }
        let norms = sentence.norms
        let commitment = cues.indices.first { cues[$0].kind == .commitment }
        if draft.kind == .offer {
            draft.confirmed = draft.confirmed || Lexicon.affirmatives.opens(norms)
            return
        }
        if draft.owner == "Everyone" {
            // A member acknowledging a request to everyone ("I'll update mine") is not a new item.
            if let commitment, cues[commitment].isReferential || cues[commitment].isVague {
                consumed.insert(commitment)
            }
            return
        }
        if let commitment {
            let cue = cues[commitment]
            consumed.insert(commitment)
            draft.take(owner: sentence.speaker)
            draft.set(due: due(of: commitment, in: cues, sentence: sentence), fromOwner: true)
            if draft.kind != .request, !cue.isVague {
                draft.preferRicher(text: gist(of: cue, in: sentence), stems: stems(of: cue, in: sentence))
            }
        } else if draft.confirmed {
            // Taken in the first sentence of the answer; what follows ("it's mostly written already")
            // explains rather than refuses.
            return
        } else if draft.kind == .request, Lexicon.alreadyDone.occurs(in: norms) {
            // "It's deployed, actually. I did it yesterday.": nothing left to do.
            draft.alive = false
        } else if draft.kind == .request, !draft.vague, Lexicon.acceptanceOpeners.opens(norms),
            !Lexicon.declines.occurs(in: norms)
        {
            // A contentless request ("Please do.") answered "Sure." was permission, not work; it needs
            // a real commitment ("I'll ask them this week") to count.
            // A bare "Sure." takes a request; a need ("we should…") takes an actual commitment.
            draft.take(owner: sentence.speaker)
            if let due = resolver.bestMatch(in: norms, within: 0..<norms.count)?.day {
                draft.set(due: due, fromOwner: true)
            }
        } else if draft.kind == .request, Lexicon.declines.occurs(in: norms) {
            draft.alive = false
        } else if draft.kind == .request, !draft.ownerSettled {
            draft.owner = sentence.speaker
            draft.ownerSettled = true
        }
    }

    /// A date said by an item's owner shortly after, in a short sentence of its own answering a question ("When can you
    /// do that?" "Thursday, probably."; "Is end of month okay?" "End of the month is fine.").
    ///
    /// Without the question, a date is as likely about something else.
    private func addDates(to drafts: inout [Draft], from sentence: Sentence, in sentences: [Sentence], hasCues: Bool) {
        guard !hasCues, sentence.tokens.count <= 12, sentence.index > 0 else { return }
        let asked = sentences[..<sentence.index].last { $0.speaker != sentence.speaker }
        guard let asked, asked.isQuestion, sentence.index - asked.index <= 2 else { return }
        for index in drafts.indices.reversed() {
            let draft = drafts[index]
            guard sentence.index - draft.lastTouched <= Self.followUpWindow else { continue }
            guard draft.alive, draft.due == nil, draft.owner == sentence.speaker, draft.ownerSettled else { continue }
            if let due = resolver.bestMatch(in: sentence.norms, within: 0..<sentence.tokens.count)?.day {
                drafts[index].set(due: due, fromOwner: true)
                return
            }
        }
    }

    // MARK: - New cues

    /// Turns `cue` into a new draft, or folds it into an existing one and returns `nil`.
    private func place(
        _ cue: ActionCue,
        due: CalendarDay?,
        in sentence: Sentence,
        sentences: [Sentence],
        drafts: inout [Draft]
    ) -> Draft? {
        let text = gist(of: cue, in: sentence)
        let cueStems = stems(of: cue, in: sentence)
        var draft = Draft(kind: cue.kind, sentence: sentence, text: text, stems: cueStems)
        draft.set(due: due, fromOwner: cue.kind == .commitment)
        switch cue.kind {
        case .commitment:
            draft.owner = sentence.speaker
            draft.ownerSettled = true
            if let need = openNeed(in: drafts, before: sentence, sharing: cueStems, vague: cue.isVague) {
                drafts[need].take(owner: sentence.speaker)
                drafts[need].set(due: due, fromOwner: true)
                if !cue.isVague { drafts[need].preferRicher(text: text, stems: cueStems) }
                return nil
            }
            // A bare "I'll find out" belongs to whatever came last: the speaker's own recent item, or
            // a question raised after it.
            let recent = recentItem(in: drafts, ownedBy: sentence.speaker, before: sentence)
            // "When could you have it?" "I'll have a pull request up by Monday.": the date of the
            // item just discussed, not a new one.
            if let recent, due != nil, drafts[recent].due == nil, answersWhen(sentence, in: sentences) {
                drafts[recent].set(due: due, fromOwner: true)
                drafts[recent].lastTouched = sentence.index
                return nil
            }
            let context = cue.isVague ? context(for: sentence, in: sentences) : nil
            if cue.isVague || cue.isReferential, let recent,
                context.map({ $0.sentence < drafts[recent].sentence }) ?? true
            {
                drafts[recent].set(due: due, fromOwner: true)
                drafts[recent].lastTouched = sentence.index
                return nil
            }
            if cue.isVague {
                // The stated need explains only a commitment that points back at something ("I can review
                // it"), not an object-less "the range I can do easily".
                let need = cue.isReferential ? statedNeed(before: sentence, in: sentences) : nil
                guard let context = context ?? need else { return nil }
                draft.text = "\(text) (re: \(context.text))"
                draft.stems.formUnion(context.stems)
            }
        case .request:
            draft.owner = cue.named
            draft.ownerSettled = cue.named != nil
            draft.referential = cue.isReferential || cue.isVague
            draft.vague = cue.isVague
        case .team:
            draft.owner = sentence.speaker
        case .unassigned:
            draft.owner = nil
            draft.vague = cue.isVague
        case .offer:
            draft.owner = sentence.speaker
            draft.ownerSettled = true
        case .assignment:
            draft.owner = cue.named
            draft.ownerSettled = true
            draft.referential = cue.isReferential
        }
        return draft
    }

    /// The latest "we need to…" or "someone should…" nobody has taken yet that this commitment takes.
    private func openNeed(
        in drafts: [Draft],
        before sentence: Sentence,
        sharing stems: Set<String>,
        vague: Bool
    ) -> Int? {
        for index in drafts.indices.reversed() {
            let draft = drafts[index]
            guard sentence.index - draft.sentence <= 6 else { return nil }
            guard draft.alive, !draft.confirmed, draft.kind == .team || draft.kind == .unassigned else { continue }
            if vague || !draft.stems.isDisjoint(with: stems) { return index }
        }
        return nil
    }

    /// Whether `sentence` opens the answer to a "when…?" question from the turn just before.
    private func answersWhen(_ sentence: Sentence, in sentences: [Sentence]) -> Bool {
        guard sentence.index > 0, sentences[sentence.index - 1].turn != sentence.turn else { return false }
        let asked = sentences[sentence.index - 1]
        return asked.isQuestion && (asked.norms.contains("when") || Self.timingQuestions.occurs(in: asked.norms))
    }

    private static let timingQuestions = PhraseSet([
        ["how", "long"], ["by", "when"], ["what", "time"], ["how", "soon"],
    ])

    private func recentItem(in drafts: [Draft], ownedBy speaker: String, before sentence: Sentence) -> Int? {
        for index in drafts.indices.reversed() {
            let draft = drafts[index]
            guard sentence.index - draft.sentence <= Self.continuationWindow else { return nil }
            if draft.alive, draft.owner == speaker, draft.ownerSettled, draft.kind != .offer || draft.confirmed {
                return index
            }
        }
        return nil
    }

    /// What a bare "I'll find out" is about: the speaker's own doubt just before ("I'm not sure
    /// whether we have an ADP connector"), else the last question someone else asked.
    private func context(for sentence: Sentence, in sentences: [Sentence]) -> Context? {
        // Unpunctuated speech puts the doubt in the same "sentence": "not sure what the number is let me check".
        if sentence.isUnpunctuated, let doubt = Self.doubtBefore(in: sentence) {
            return Context(sentence: sentence.index, text: doubt, stems: Set(Stemmer.contentStems(sentence.tokens)))
        }
        var index = sentence.index - 1
        while index >= 0, sentences[index].turn == sentence.turn {
            let norms = sentences[index].norms
            if norms.contains("whether") || Self.doubts.occurs(in: norms) {
                return describe(sentences[index])
            }
            index -= 1
        }
        // Otherwise the question this turn answers: one from the turn just before.
        guard index >= 0 else { return nil }
        let askingTurn = sentences[index].turn
        let finder = ActionCueFinder(names: names, resolver: resolver)
        for candidate in sentences[..<(index + 1)].reversed() {
            guard candidate.turn == askingTurn else { break }
            guard candidate.isQuestion, candidate.tokens.count >= 4 else { continue }
            // A request ("could you tag me on it?") is someone else's item, not this one's subject.
            if finder.cues(in: candidate).contains(where: { $0.kind == .request || $0.kind == .offer }) { continue }
            return describe(candidate)
        }
        return nil
    }

    /// The statement a vague commitment answers when nothing else explains it: the last sentence of
    /// the turn before ("It needs a review from someone who knows the job." "I can review it.").
    private func statedNeed(before sentence: Sentence, in sentences: [Sentence]) -> Context? {
        guard sentence.index > 0 else { return nil }
        let previous = sentences[sentence.index - 1]
        guard previous.turn != sentence.turn, previous.speaker != sentence.speaker, !previous.isQuestion,
            Stemmer.contentStems(previous.tokens).count >= 3
        else { return nil }
        return describe(previous)
    }

    /// The sentence a vague commitment is about.
    private struct Context {
        let sentence: Int
        let text: String
        let stems: Set<String>
    }

    private func describe(_ sentence: Sentence) -> Context {
        Context(
            sentence: sentence.index,
            text: DisplayText.clean(sentence.text, maxWords: 18),
            stems: Set(Stemmer.contentStems(sentence.tokens))
        )
    }

    // MARK: - Finishing

    private func finish(_ drafts: [Draft], sentences: [Sentence]) -> [ActionItem] {
        var drafts = drafts
        for index in drafts.indices where drafts[index].alive {
            switch drafts[index].kind {
            case .offer:
                if !drafts[index].confirmed { drafts[index].alive = false }
            case .team:
                if !drafts[index].confirmed && drafts[index].due == nil { drafts[index].alive = false }
            case .request where !drafts[index].ownerSettled:
                drafts[index].owner = previousSpeaker(
                    before: drafts[index].sentence,
                    other: drafts[index].requester,
                    in: sentences
                )
            default:
                break
            }
        }
        mergeContinuations(&drafts)
        for index in drafts.indices where drafts[index].alive {
            if drafts[index].vague && !drafts[index].confirmed {
                // A request or need with nothing of its own that continued nothing and nobody took
                // ("Please do." to encourage questions, "someone has to own it") is talk, not work.
                drafts[index].alive = false
            } else if drafts[index].referential, let antecedent = antecedent(of: drafts[index], in: sentences) {
                // "Can you ask them this week?": show who "them" is.
                drafts[index].text += " (re: \(antecedent))"
            }
        }
        mergeDuplicates(&drafts)
        return drafts.filter(\.alive).map { draft in
            ActionItem(text: draft.text, owner: draft.owner, due: draft.due?.iso, at: draft.start)
        }
    }

    /// The sentence a pronoun in a request most likely points back to: the one just before it, from
    /// the same turn or the previous one.
    private func antecedent(of draft: Draft, in sentences: [Sentence]) -> String? {
        guard draft.sentence > 0 else { return nil }
        let previous = sentences[draft.sentence - 1]
        guard Stemmer.contentStems(previous.tokens).count >= 3 else { return nil }
        return DisplayText.clean(previous.text, maxWords: 18)
    }

    private func previousSpeaker(before index: Int, other speaker: String, in sentences: [Sentence]) -> String? {
        let earliest = max(0, index - 6)
        return sentences[earliest..<index].last { $0.speaker != speaker }?.speaker
    }

    /// "Put whatever you find in the runbook", "tag me on it": part of the owner's recent item.
    private func mergeContinuations(_ drafts: inout [Draft]) {
        for index in drafts.indices where drafts[index].alive && drafts[index].referential {
            let draft = drafts[index]
            guard let owner = draft.owner else { continue }
            let target = drafts[..<index].lastIndex { earlier in
                earlier.alive && earlier.owner == owner && draft.sentence - earlier.sentence <= Self.continuationWindow
            }
            guard let target else { continue }
            drafts[target].set(due: draft.due, fromOwner: draft.dueFromOwner)
            drafts[index].alive = false
        }
    }

    /// The same task said twice ("I'll send the runbook by Friday" … "I'll send the runbook around"): same owner, and
    /// at least 60% of the longer item's content words shared.
    ///
    /// Measured against the longer item so a short one ("cut the candidate") cannot swallow a different task that
    /// happens to contain its words ("send the build number when it's cut").
    private func mergeDuplicates(_ drafts: inout [Draft]) {
        for index in drafts.indices where drafts[index].alive {
            for later in (index + 1)..<drafts.count
            where drafts[later].alive && drafts[later].owner == drafts[index].owner {
                let shared = drafts[index].stems.intersection(drafts[later].stems).count
                let larger = max(drafts[index].stems.count, drafts[later].stems.count)
                guard shared >= 2, Double(shared) >= 0.6 * Double(larger) else { continue }
                drafts[index].set(due: drafts[later].due, fromOwner: drafts[later].dueFromOwner)
                drafts[later].alive = false
            }
        }
    }

    // MARK: - Text

    /// The action as an imperative: "Send Lena the Grafana link", with "me" in a request replaced by
    /// the person who asked, a gerund after "would you mind" made a verb, and trailing fillers cut.
    private func gist(of cue: ActionCue, in sentence: Sentence) -> String {
        let firstWord = sentence.tokens[cue.verb].word
        let lastWord = sentence.tokens[cue.end - 1].word
        var parts: [String] = []
        for wordIndex in firstWord...lastWord {
            var written = sentence.words[wordIndex]
            if wordIndex == lastWord { written = Tokenizer.stripTrailingPunctuation(written) }
            let norm = sentence.tokens.first { $0.word == wordIndex }?.norm ?? ""
            if wordIndex == firstWord {
                let base = ActionCueFinder.baseForm(norm)
                if base != norm { written = base }
            }
            if cue.kind == .request || cue.kind == .unassigned {
                let punctuation = String(written.drop { $0.isLetter || $0 == "'" || $0 == "\u{2019}" })
                if norm == "me" { written = sentence.speaker + punctuation }
                if norm == "my" { written = sentence.speaker + "'s" + punctuation }
            }
            parts.append(written)
        }
        while parts.count > 1, let last = parts.last,
            Self.trailingFillers.contains(Tokenizer.normalize(Tokenizer.split(last).core))
        {
            parts.removeLast()
            if let previous = parts.popLast() { parts.append(Tokenizer.stripTrailingPunctuation(previous)) }
            // "before then", "by then": the reference went with "then".
            if parts.count > 1, let last = parts.last, ["before", "by", "until"].contains(Tokenizer.normalize(last)) {
                parts.removeLast()
            }
        }
        return DisplayText.clean(parts.joined(separator: " "), maxWords: 30)
    }

    private func stems(of cue: ActionCue, in sentence: Sentence) -> Set<String> {
        Set(Stemmer.contentStems(sentence.tokens[cue.verb..<cue.end]))
    }

    /// The date said for a cue: in its own phrase first, then after it up to the next cue ("…, so by Monday?"), then
    /// before it back to the previous cue ("By Friday, can you…").
    ///
    /// A date earlier in the sentence is often another plan ("I was going to start on Monday, so I'll start today").
    private func due(of offset: Int, in cues: [ActionCue], sentence: Sentence) -> CalendarDay? {
        let cue = cues[offset]
        let norms = sentence.norms
        let lower = offset > 0 ? cues[offset - 1].end : 0
        let upper = offset + 1 < cues.count ? cues[offset + 1].start : sentence.tokens.count
        let windows = [cue.verb..<cue.end, cue.end..<max(cue.end, upper), lower..<max(lower, cue.start)]
        for window in windows {
            if let match = resolver.bestMatch(in: norms, within: window) { return match.day }
        }
        return nil
    }

    private static let trailingFillers: Set<String> = [
        "then", "though", "too", "please", "anyway", "okay", "right", "promise", "probably", "now", "again",
    ]

    private static let doubts = PhraseSet([["not", "sure"], ["do", "not", "know"]])

    /// The words from a doubt ("not sure…", "whether…") up to the first commitment in the sentence.
    private static func doubtBefore(in sentence: Sentence) -> String? {
        let norms = sentence.norms
        guard
            let start = norms.indices.first(where: { doubts.match(in: norms, at: $0) != nil || norms[$0] == "whether" })
        else { return nil }
        var end = start + 1
        while end < norms.count, !(norms[end] == "i" || norms[end] == "let"), end - start < 16 { end += 1 }
        guard end > start + 2 else { return nil }
        return DisplayText.clean(sentence.words(covering: start..<end), maxWords: 18)
    }
}

extension ActionItemDetector {
    /// An action item while the conversation can still change it.
    struct Draft: Sendable {
        let kind: ActionCue.Kind
        let sentence: Int
        let turn: Int
        let start: Double?
        /// Who said it: for a request, the person asking.
        let requester: String
        var text: String
        var stems: Set<String>
        var owner: String?
        /// The owner is certain (named, self-committed or confirmed by an answer).
        var ownerSettled = false
        /// Someone took a need, or the others accepted an offer.
        var confirmed = false
        var due: CalendarDay?
        var dueFromOwner = false
        /// Continues an earlier item ("tag me on it") rather than naming new work.
        var referential = false
        /// Names no work of its own ("please do", "do it well before the 20th").
        var vague = false
        var alive = true
        var replyTurn: Int?
        /// The last sentence that changed this item: dates said shortly after it still count.
        var lastTouched: Int

        init(kind: ActionCue.Kind, sentence: Sentence, text: String, stems: Set<String>) {
            self.kind = kind
            self.sentence = sentence.index
            self.turn = sentence.turn
            self.start = sentence.start
            self.requester = sentence.speaker
            self.text = text
            self.stems = stems
            self.lastTouched = sentence.index
        }

        /// Whether `sentence` is an answer to this item: the first turn of its addressee (a named
        /// request) or of anyone else, begun within a few sentences.
        func canBeAnswered(by sentence: Sentence) -> Bool {
            guard alive, kind != .commitment, kind != .assignment, sentence.speaker != requester else { return false }
            if let replyTurn { return replyTurn == sentence.turn }
            if kind == .request, ownerSettled, owner != "Everyone" {
                return owner == sentence.speaker && sentence.index - self.sentence <= ActionItemDetector.replyWindow + 2
            }
            if kind == .offer && confirmed { return false }
            return sentence.index - self.sentence <= ActionItemDetector.replyWindow
        }

        mutating func take(owner person: String) {
            owner = person
            ownerSettled = true
            confirmed = true
        }

        /// Keeps the owner's own date over one someone else proposed, and never drops a date.
        mutating func set(due day: CalendarDay?, fromOwner: Bool) {
            guard let day else { return }
            if due == nil || (fromOwner && !dueFromOwner) {
                due = day
                dueFromOwner = fromOwner
            }
        }

        mutating func preferRicher(text other: String, stems otherStems: Set<String>) {
            if otherStems.count > stems.count { text = other }
            stems.formUnion(otherStems)
        }

        /// "I'll ping Jordan today, and I'll get you an answer by tomorrow": one item, two verbs.
        mutating func absorb(sameSentence other: Draft) {
            let joined = other.text.prefix(1).lowercased() + other.text.dropFirst()
            text += " and " + joined
            stems.formUnion(other.stems)
            set(due: other.due, fromOwner: other.dueFromOwner)
        }
    }
}
