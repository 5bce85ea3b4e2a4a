/// The word lists the rule-based detectors share.
///
/// They are data, not logic: kept in one place so a rule reads as "a commitment verb that is not a
/// conversational one" and the lists can grow as new transcripts show new phrasings.
enum Lexicon {
    /// Words that open or glue speech without carrying content ("okay so", "yeah, honestly").
    static let discourseMarkers: Set<String> = [
        "ok", "okay", "so", "and", "but", "yeah", "yes", "yep", "yup", "no", "nope", "well", "alright", "right",
        "hey", "hi", "um", "uh", "er", "erm", "also", "actually", "then", "sure", "great", "cool", "please", "now",
        "anyway", "anyways", "sorry", "oh", "perfect", "good", "fine", "thanks", "honestly", "basically", "look",
        "listen", "hmm", "mm", "like", "just", "wait", "awesome", "totally", "exactly", "absolutely", "definitely",
    ]

    /// First words of a question, for speech-to-text output without question marks.
    static let questionOpeners: Set<String> = [
        "what", "why", "how", "when", "where", "who", "which", "whose", "should", "do", "does", "did", "can",
        "could", "would", "will", "is", "are", "was", "were", "shall", "have", "has", "am",
    ]

    /// Function words: ignored when weighing sentences, comparing action items and choosing topics.
    static let stopwords: Set<String> = [
        "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as", "at", "be",
        "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
        "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having",
        "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it",
        "its", "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on",
        "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same", "she", "should", "so",
        "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these",
        "they", "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what",
        "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours",
        "yourself", "yourselves", "let's", "us", "also", "yeah", "yes", "okay", "ok", "oh", "um", "uh", "like",
        "really", "actually", "honestly", "basically", "maybe", "probably", "right", "well", "sure", "thing", "things",
        "stuff", "kind", "sort", "lot", "bit", "mean", "know", "think", "guess", "going", "get", "got", "gonna",
        "want", "wanna", "said", "say", "says", "see", "go", "goes", "went", "one", "two", "three", "yep", "hmm",
        "alright", "mostly", "much", "many", "even", "still", "already", "anyway", "something", "anything",
        "everything", "nothing", "someone", "anyone", "everyone", "way", "cool", "great", "good", "fine", "please",
        "thanks", "thank", "sorry", "hi", "hey", "bye", "little", "might", "must", "shall", "may", "whatever", "every",
        "another", "around", "back", "ever", "never", "always", "sometimes", "often", "though", "although", "since",
        "unless", "whether", "either", "neither", "etc", "via", "per", "let", "make", "made", "take", "took", "put",
        "come", "came", "need", "needs", "needed", "able", "sounds", "sound", "totally", "exactly", "definitely",
        "absolutely", "perfect", "awesome", "quite", "pretty", "rather", "enough", "else",
    ]

    /// Verbs that describe talking in the meeting itself, not work to do after it:
    /// "I'll be honest", "I'll say this", "can you hear me", "can you repeat that".
    static let conversationalVerbs: Set<String> = [
        "be", "say", "admit", "think", "guess", "assume", "bet", "hope", "wonder", "imagine", "believe", "mean",
        "pass", "repeat", "mute", "unmute", "hear", "miss", "stay", "shut", "note", "remember", "mention",
        "explain", "clarify", "elaborate", "argue", "continue", "pause", "show", "speak", "interrupt", "agree",
        "disagree", "understand", "see", "try", "wait", "hang", "hold", "excuse", "apologize", "apologise",
        "confess", "promise", "want", "love", "like", "need", "feel", "keep", "wrap", "introduce", "describe",
        "answer", "ask", "tell", "remind", "walk", "scroll", "zoom", "stop", "leave", "drop", "hop", "head",
        "jump", "go", "run", "start", "kick", "share", "give", "let", "represent", "survive", "live", "die",
        "kill", "blame", "trust", "pretend", "laugh", "cry", "lose", "win", "join", "hand", "move", "get",
    ]

    /// Conversational verbs that still name real work when an object follows ("ask Wei to review",
    /// "tell the team", "start the migration"); only the listed follow-ups keep them conversational.
    static let conversationalUnlessObject: [String: Set<String>] = [
        "ask": ["you", "a", "something", "one", "this", "that", "around", "myself", "quickly", "again", "questions"],
        "tell": ["you", "ya", "u", "what", "a", "this", "that", "myself", "it"],
        "walk": ["you", "us", "through", "everyone", "them"],
        "start": ["with", "us", "off", "by", "now", "over", "again", "things", "first"],
        "kick": ["us", "off", "things", "it"],
        "go": ["first", "ahead", "last", "next", "now", "back", "quickly", "around", "over", "through", "home"],
        "run": ["through", "over", "out", "now", "off", "along", "late", "a"],
        "leave": ["it", "that", "now", "early", "soon", "you", "the"],
        "drop": ["off", "at", "in", "now", "soon", "early", "out"],
        "give": ["it", "you", "a", "an", "some", "my", "everyone", "us", "them"],
        "share": ["my", "screen", "your", "this", "that", "it"],
        "hand": ["it", "over", "off"],
        "move": ["on", "along", "forward"],
        "get": ["started", "going", "into", "off", "on", "to", "started.", "back"],
        "let": ["you", "me", "it", "that", "them", "us"],
        "keep": ["going", "it", "this", "that", "in", "an", "quiet", "talking"],
        "show": ["you", "us", "everyone", "them", "my", "the", "this", "that", "it"],
        "answer": ["that", "this", "it", "your", "the", "you"],
        "stop": ["sharing", "there", "here", "talking", "now"],
        "remind": ["me", "us", "you", "everyone"],
        "hop": ["off", "on"],
        "head": ["out", "off"],
        "jump": ["in", "off", "on", "ahead"],
        "introduce": ["myself", "ourselves", "you"],
        "wrap": ["up", "things", "it"],
    ]

    /// Verbs that name work: the only ones accepted after "we need to", "let's", "someone should".
    ///
    /// Team statements are mostly talk ("we need to be careful", "let's move on"), so they count only
    /// with a verb from this list, while first-person commitments are accepted unless conversational.
    static let actionVerbs: Set<String> = [
        "send", "write", "draft", "update", "fix", "file", "schedule", "book", "set", "create", "add", "review",
        "check", "test", "deploy", "ship", "release", "publish", "post", "prepare", "document", "migrate", "upgrade",
        "rotate", "investigate", "look", "follow", "reach", "contact", "email", "call", "ping", "ask", "confirm",
        "verify", "clean", "remove", "delete", "rename", "plan", "estimate", "order", "buy", "hire", "interview",
        "train", "onboard", "spin", "tear", "configure", "install", "build", "implement", "refactor", "benchmark",
        "measure", "monitor", "escalate", "triage", "assign", "put", "find", "figure", "sync", "loop", "present",
        "demo", "record", "summarize", "summarise", "collect", "gather", "organize", "organise", "run", "handle",
        "own", "finish", "complete", "merge", "revert", "roll", "patch", "bump", "backport", "tag", "close", "pair",
        "coordinate", "chase", "nudge", "invite", "announce", "communicate", "notify", "tell", "sign", "approve",
        "negotiate", "renew", "cancel", "quote", "map", "export", "import", "provision", "grant", "revoke", "request",
        "reserve", "arrange", "host", "cover", "pick", "dig", "share", "circulate", "distribute", "raise", "flag",
        "archive", "audit", "reproduce", "debug", "profile", "optimize", "optimise", "replace", "swap", "extend",
        "evaluate", "compare", "research", "scope", "spec", "design", "sketch", "mock", "prototype", "pilot", "launch",
        "start", "kick", "decide", "finalize", "finalise", "lock", "freeze", "cut", "tidy", "block", "fill", "submit",
        "pay", "invoice", "deliver", "return", "print", "clear", "reset", "restart", "rerun", "retry", "move", "take",
        "get", "make", "double-check", "reschedule", "rewrite", "polish", "cleanup", "setup",
    ]

    /// Verbs accepted after "let me": the ones that promise work after the call ("let me check"),
    /// unlike "let me share my screen" or "let me think".
    static let letMeVerbs: Set<String> = [
        "check", "find", "follow", "look", "ask", "confirm", "get", "send", "dig", "reach", "sync", "loop",
        "circle", "talk", "double-check", "chase", "ping", "email", "set", "schedule", "take", "verify",
        "investigate", "write", "draft", "put", "grab", "update", "fix", "file", "book", "sort", "see",
    ]

    /// Skipped between a trigger and its verb: "I'll just quickly send", "I'll go ahead and book".
    static let adverbs: Set<String> = [
        "just", "also", "definitely", "certainly", "probably", "quickly", "then", "still", "actually", "really",
        "totally", "absolutely", "happily", "gladly", "personally", "please", "maybe", "perhaps", "first", "now",
        "later", "soon", "all", "both", "each", "myself", "ourselves", "kindly", "immediately", "again", "finally",
        "hopefully", "instead", "obviously", "naturally", "honestly", "basically", "literally", "specifically",
        "separately", "quick",
    ]

    /// Multi-word fillers skipped the same way: "I'll try to", "I'll go ahead and", "make sure to".
    static let fillerPhrases = PhraseSet([
        ["try", "to"], ["go", "ahead", "and"], ["make", "sure", "to"], ["be", "sure", "to"], ["have", "to"],
        ["need", "to"], ["be", "able", "to"], ["want", "to"], ["get", "to"], ["also", "go", "ahead", "and"],
        ["try", "and"], ["sit", "down", "and"], ["take", "the", "time", "to"],
    ])

    /// Words that cannot be the verb of an action: what follows a trigger when it is not one.
    static let nonVerbs: Set<String> = [
        "a", "an", "the", "this", "that", "it", "you", "me", "us", "them", "to", "of", "in", "on", "at", "for",
        "with", "not", "never", "also", "be", "been", "so", "and", "or", "but", "if", "because", "i", "we",
        "they", "he", "she", "my", "your", "our", "there", "here", "what", "how", "why", "when", "who", "too",
        "as", "well", "one", "all", "some", "any", "no", "yes", "yeah", "okay", "right", "sure", "about",
    ]

    /// Words that mean the speaker is unsure whether anyone will act: "maybe we should".
    static let hedges: Set<String> = ["maybe", "perhaps", "possibly", "might", "could", "hopefully", "ideally"]

    /// Whole phrases that turn a sentence into talk about the call itself or into a hedge.
    static let negativePhrases = PhraseSet([
        ["hear", "me"], ["hear", "us"], ["hear", "you"], ["see", "my", "screen"], ["see", "the", "screen"],
        ["share", "the", "screen"],
        ["see", "my"], ["see", "it"], ["see", "that"], ["see", "this"], ["see", "the", "board"],
        ["in", "the", "chat"], ["share", "my", "screen"], ["share", "your", "screen"], ["share", "screen"],
        ["say", "that", "again"], ["repeat", "that"], ["go", "back"], ["speak", "up"], ["no", "promises"],
        ["as", "best", "i", "can"], ["on", "mute"], ["off", "mute"], ["you", "there"], ["be", "honest"],
        ["can", "you", "believe"], ["could", "you", "imagine"], ["would", "you", "say"],
        ["do", "you", "think"], ["would", "you", "agree"], ["next", "slide"], ["previous", "slide"],
        ["previous", "screen"], ["the", "previous"], ["that", "last", "part"], ["sound", "okay"],
        ["look", "at", "the", "time"], ["looking", "at", "the", "time"], ["check", "the", "time"],
    ])

    /// Replies that accept a request or take on a task without naming it: "will do", "on it".
    static let acceptanceOpeners = PhraseSet([
        ["will", "do"], ["on", "it"], ["sure", "thing"], ["you", "got", "it"], ["can", "do"], ["no", "problem"],
        ["happy", "to"], ["of", "course"], ["consider", "it", "done"], ["leave", "it", "with", "me"],
        ["i", "can", "do", "that"], ["i", "can", "take", "that"], ["i", "will", "take", "that"],
        ["i", "can", "do", "it"], ["i", "will", "do", "it"], ["i", "got", "it"], ["i", "have", "got", "it"],
        ["i", "am", "on", "it"], ["sure"], ["yes"], ["yeah"], ["yep"], ["yup"], ["absolutely"], ["definitely"],
        ["okay"], ["ok"], ["deal"], ["done"],
    ])

    /// Replies that turn a request down: "honestly I can't", "not this sprint".
    static let declines = PhraseSet([
        ["i", "can", "not"], ["can", "not"], ["not", "this", "sprint"], ["not", "this", "week"],
        ["i", "will", "not", "be", "able"], ["i", "am", "not", "able"], ["no", "bandwidth"],
        ["at", "capacity"], ["unfortunately", "not"], ["i", "would", "rather", "not"], ["no", "i", "can"],
    ])

    /// Replies saying a request needs no doing: "It's deployed, actually. I did it yesterday."
    static let alreadyDone = PhraseSet([
        ["already"], ["i", "did", "it"], ["i", "did", "that"], ["it", "is", "done"], ["that", "is", "done"],
        ["did", "it", "yesterday"], ["it", "is", "deployed"], ["it", "is", "there"], ["it", "is", "merged"],
    ])

    /// Replies that say yes to an offer: "yes please", "that would be great".
    static let affirmatives = PhraseSet([
        ["yes"], ["yeah"], ["yep"], ["yup"], ["sure"], ["please"], ["that", "would", "be", "great"],
        ["that", "would", "be", "amazing"], ["that", "would", "help"], ["definitely"], ["absolutely"],
        ["go", "for", "it"], ["do", "it"], ["sounds", "good"], ["perfect"], ["great"], ["please", "do"],
        ["that", "would", "be", "great"], ["would", "be", "great"], ["yes", "please"], ["if", "you", "could"],
    ])

    /// Collective names a request can address: "everyone, please update your tickets".
    static let collectives: Set<String> = [
        "everyone", "everybody", "folks", "guys", "team", "y'all", "people", "all",
    ]

    /// Names of the week's days, Monday first.
    static let weekdays: [String] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// Subject pronouns that start a new clause after a comma: "…, it's mostly Terraform".
    static let clauseSubjects: Set<String> = [
        "i", "we", "you", "he", "she", "they", "it", "that", "this", "there", "which", "who", "what",
    ]

    /// Conjunctions that end an action's phrase: "I'll send it, because legal asked".
    static let clauseBreakers: Set<String> = [
        "but", "because", "cause", "'cause", "since", "though", "although", "otherwise", "unless", "whereas",
        "so", "if", "which", "while", "except", "or",
    ]
}
