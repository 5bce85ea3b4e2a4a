/// Finds questions a meeting raised and left open.
///
/// A question counts when it is substantive (not "can you hear me?", "does that make sense?", not a
/// request in question form) and either nobody else took it up within the next few sentences, or
/// the answer admitted not knowing ("good question", "I don't know", "nobody's decided"). Statements
/// that name an open question ("the open question is…", "we still need to figure out…") count too.
struct OpenQuestionDetector: Sendable {
    let finder: ActionCueFinder

    /// Indices of the sentences that hold open questions, in order.
    func detect(in sentences: [Sentence]) -> [Int] {
        sentences.compactMap { sentence in
            let norms = sentence.norms
            if !sentence.isQuestion {
                return Self.declaredOpen.occurs(in: norms) ? sentence.index : nil
            }
            guard isSubstantive(sentence, norms: norms) else { return nil }
            return isLeftOpen(sentence, in: sentences) ? sentence.index : nil
        }
    }

    private func isSubstantive(_ sentence: Sentence, norms: [String]) -> Bool {
        guard norms.count >= 6, Stemmer.contentStems(sentence.tokens).count >= 2 else { return false }
        if Self.meta.occurs(in: norms)
            || Lexicon.negativePhrases.occurs(in: norms)
        {
            return false
        }
        if norms.suffix(1) == ["right"] || norms.suffix(2).elementsEqual(["you", "know"]) { return false }
        // A request or an offer phrased as a question is an action item, not a question.
        return !finder.cues(in: sentence).contains { $0.kind != .commitment && $0.kind != .team }
            && !Self.requestOpeners.opens(norms)
    }

    private func isLeftOpen(_ sentence: Sentence, in sentences: [Sentence]) -> Bool {
        let last = min(sentences.count - 1, sentence.index + ActionItemDetector.replyWindow)
        guard last > sentence.index else { return isOpenEnded(sentence) }
        let replies = sentences[(sentence.index + 1)...last].filter { $0.speaker != sentence.speaker }
        guard let firstReply = replies.first else { return isOpenEnded(sentence) }
        let answer = replies.filter { $0.turn == firstReply.turn }.prefix(2)
        return answer.contains { Self.unknowing.occurs(in: $0.norms) }
    }

    /// With no reply at all, only real questions about the work count: "who owns…", "should we…".
    private func isOpenEnded(_ sentence: Sentence) -> Bool {
        let opener = sentence.tokens.first { !Lexicon.discourseMarkers.contains($0.norm) }?.norm ?? ""
        return ["what", "who", "which", "how", "when", "where", "why", "should"].contains(opener)
    }

    private static let meta = PhraseSet([
        ["make", "sense"], ["any", "questions"], ["anything", "else"], ["how", "are", "you"], ["does", "that", "work"],
        ["work", "for", "you"], ["can", "i", "ask"], ["are", "you", "there"], ["where", "were", "we"],
        ["is", "that", "okay"], ["sound", "good"], ["sounds", "good"], ["did", "anyone", "see"],
        ["did", "anyone", "watch"], ["anyone", "else"], ["is", "he", "on"], ["is", "she", "on"], ["can", "everyone"],
        ["everyone", "see"], ["you", "there"], ["is", "this", "better"], ["was", "that", "just"], ["ready", "to"],
        ["do", "you", "want", "to", "give"], ["want", "to", "give", "the"], ["what", "do", "you", "think"],
        ["how", "was", "your"], ["who", "wants", "to", "go"], ["does", "anyone", "want", "to", "say"],
    ])

    private static let requestOpeners = PhraseSet([
        ["can", "you"], ["could", "you"], ["would", "you"], ["will", "you"], ["do", "you", "want", "me"],
        ["should", "i"], ["can", "someone"], ["could", "someone"], ["can", "we", "get"],
    ])

    private static let unknowing = PhraseSet([
        ["do", "not", "know"], ["not", "sure"], ["no", "idea"], ["good", "question"], ["great", "question"],
        ["nobody", "is", "decided"], ["nobody", "has", "decided"], ["not", "decided"], ["unclear"],
        ["hard", "to", "say"],
        ["depends"], ["tbd"], ["to", "be", "decided"], ["we", "will", "see"], ["find", "out"], ["let", "me", "check"],
        ["do", "not", "quote", "me"], ["off", "the", "top", "of", "my", "head"], ["no", "one", "knows"],
        ["nobody", "knows"], ["can", "not", "say"], ["have", "not", "decided"], ["still", "waiting"],
        ["waiting", "on"], ["not", "solve", "that"],
    ])

    private static let declaredOpen = PhraseSet([
        ["open", "question"], ["still", "need", "to", "figure", "out"], ["still", "do", "not", "know"],
        ["is", "still", "unclear"], ["it", "is", "unclear"], ["to", "be", "determined"], ["still", "an", "open"],
        ["remains", "to", "be", "seen"], ["unanswered"],
    ])
}
