/// Tab completion of speaker names from the enrolled voices.
enum NameCompleter {
    /// Names starting with `prefix`, ignoring case, sorted, without duplicates.
    static func candidates(for prefix: String, among names: [String]) -> [String] {
        let folded = prefix.lowercased()
        let matching = names.filter { $0.lowercased().hasPrefix(folded) }
        return Array(Set(matching)).sorted {
            $0.lowercased() < $1.lowercased() || ($0.lowercased() == $1.lowercased() && $0 < $1)
        }
    }
}
