/// Finds the decisions of a meeting: statements that settle something ("we decided to…", "let's go
/// with…", "final answer is…") and proposals that others explicitly agree to ("Agreed.").
///
/// Talk about deciding is not a decision: "we haven't decided", "nobody's decided", "we need to
/// decide" and questions are left out, as is facilitation ("let's move on", "let's not solve that now").
struct DecisionDetector: Sendable {
    /// A decision and the sentence that states it.
    struct Decision: Hashable, Sendable {
        let sentence: Int
        let text: String
    }

    func detect(in sentences: [Sentence]) -> [Decision] {
        var found: [Int] = []
        for sentence in sentences {
            let norms = sentence.norms
            if isExplicitDecision(sentence, norms: norms) {
                found.append(sentence.index)
            } else if isAgreement(sentence, norms: norms), let proposal = proposal(before: sentence, in: sentences) {
                found.append(proposal)
            }
        }
        var seen = Set<Int>()
        return found.sorted().compactMap { index in
            guard seen.insert(index).inserted else { return nil }
            return Decision(sentence: index, text: Self.text(of: sentences[index]))
        }
    }

    /// The words that carry the decision: what follows "decision:" or "the plan is:" when present.
    static func text(of sentence: Sentence) -> String {
        let tokens = sentence.tokens
        for (index, token) in tokens.enumerated() where token.trailing == ":" && index + 1 < tokens.count {
            if ["decision", "is", "plan", "that"].contains(token.norm) {
                return DisplayText.clean(sentence.words(covering: (index + 1)..<tokens.count), maxWords: 40)
                    + "."
            }
        }
        return DisplayText.clean(sentence.text, maxWords: 40)
    }

    private func isExplicitDecision(_ sentence: Sentence, norms: [String]) -> Bool {
        guard !sentence.isQuestion, !Self.notDecided.occurs(in: norms) else { return false }
        guard Self.cues.occurs(in: norms) else { return false }
        // "That's a decision." alone points back at the proposal before it; the proposal says it better.
        return Stemmer.contentStems(sentence.tokens).count >= 2
    }

    private func isAgreement(_ sentence: Sentence, norms: [String]) -> Bool {
        guard !sentence.isQuestion, norms.count <= 8 else { return false }
        if Self.agreements.opens(norms) { return true }
        // "Tacoma it is."
        return norms.count <= 4 && norms.suffix(2).elementsEqual(["it", "is"])
    }

    /// The latest proposal by someone else just before an agreement, skipping a bare "Agreed?".
    private func proposal(before sentence: Sentence, in sentences: [Sentence]) -> Int? {
        let earliest = max(0, sentence.index - 4)
        for candidate in sentences[earliest..<sentence.index].reversed() where candidate.speaker != sentence.speaker {
            let norms = candidate.norms
            // Skip "Agreed?" and "Sofia, are you okay with that?" back to the proposal itself.
            if norms.count <= 2 || (candidate.isQuestion && norms.count <= 8) { continue }
            guard Self.proposals.occurs(in: norms),
                !norms.contains(where: { Lexicon.hedges.contains($0) }),
                !Self.facilitation.occurs(in: norms),
                !Self.notDecided.occurs(in: norms)
            else { return nil }
            return candidate.index
        }
        return nil
    }

    private static let cues = PhraseSet([
        ["we", "decided"], ["we", "have", "decided"], ["decided", "to"], ["decision", "is"], ["is", "a", "decision"],
        ["the", "decision"], ["let's", "go", "with"], ["we", "will", "go", "with"], ["we", "are", "going", "with"],
        ["going", "to", "go", "with"], ["final", "answer", "is"], ["final", "decision", "is"], ["we", "agreed"],
        ["we", "are", "agreed"], ["settled", "on"], ["we", "will", "stick", "with"], ["let's", "stick", "with"],
        ["the", "plan", "is"], ["consensus", "is"], ["it", "is", "decided"], ["signed", "off"],
        ["we", "are", "going", "to", "go"],
    ])

    private static let notDecided = PhraseSet([
        ["not", "decided"], ["nobody", "is", "decided"], ["nobody", "has", "decided"], ["no", "one", "has", "decided"],
        ["need", "to", "decide"], ["to", "be", "decided"], ["if", "we", "decide"], ["undecided"],
        ["did", "we", "decide"],
        ["not", "a", "decision"], ["before", "we", "decide"], ["want", "to", "decide"], ["have", "to", "decide"],
        ["not", "going", "to", "decide"], ["decide", "later"], ["whether", "we"], ["we", "should", "decide"],
    ])

    private static let agreements = PhraseSet([
        ["agreed"], ["deal"], ["sounds", "good"], ["let's", "do", "it"], ["let's", "do", "that"],
        ["works", "for", "me"],
        ["fine", "by", "me"], ["fair", "enough"], ["fair"], ["i", "am", "okay", "with", "that"], ["that", "works"],
        ["makes", "sense"], ["i", "agree"], ["agree"], ["yes", "let's"], ["okay", "let's", "do", "that"],
    ])

    private static let proposals = PhraseSet([
        ["let's"], ["we", "should"], ["we", "will"], ["the", "plan", "is"], ["how", "about"], ["what", "if", "we"],
        ["i", "propose"], ["i", "suggest"], ["let", "us"], ["we", "go", "with"], ["we", "are", "going", "to"],
    ])

    private static let facilitation = PhraseSet([
        ["let's", "move"], ["let's", "not"], ["let's", "get", "started"], ["let's", "start"], ["let's", "talk"],
        ["let's", "park"], ["let's", "take"], ["let's", "give"], ["let's", "wrap"], ["let's", "see"],
        ["let's", "look"], ["let's", "just", "start"], ["let's", "keep", "going"], ["let's", "circle"],
        ["let's", "go", "around"], ["let's", "hear"], ["let's", "focus"], ["let's", "come", "back"],
    ])
}
