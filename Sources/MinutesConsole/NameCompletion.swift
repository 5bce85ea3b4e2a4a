/// The state of Tab completion: what was typed before the first Tab and where the cycle is.
public struct NameCompletion: Hashable, Sendable {
    public var prefix: String
    public var candidates: [String]
    public var index: Int

    public init(prefix: String, candidates: [String], index: Int) {
        self.prefix = prefix
        self.candidates = candidates
        self.index = index
    }
}
