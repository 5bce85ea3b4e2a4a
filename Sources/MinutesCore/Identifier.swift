/// The rules behind every ``PrefixedID``: shape, stable hashing and random generation.
public enum Identifier {
    /// True when `text` is `prefix` followed by 6 to 32 lowercase hex digits.
    ///
    /// Ids reach file paths (stored exports), so anything else, including `..` or `/`,
    /// is rejected before it gets near the file system.
    public static func isWellFormed(_ text: String, prefix: String) -> Bool {
        guard text.hasPrefix(prefix) else { return false }
        let digits = text.utf8.dropFirst(prefix.utf8.count)
        guard (6...32).contains(digits.count) else { return false }
        return digits.allSatisfy { byte in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
        }
    }

    /// The first `hexDigits` hex digits of a 64-bit hash of `text`.
    ///
    /// FNV-1a followed by the SplitMix64 finalizer: small, fast and stable across platforms
    /// and releases, unlike `Hasher`, which is seeded per process. The finalizer spreads a
    /// change in the last character over all the bits, so `…/0` and `…/1` do not share a
    /// prefix. It is not a cryptographic hash and is not used as one.
    public static func shortHash(_ text: String, hexDigits: Int) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        hash = (hash ^ (hash >> 30)) &* 0xbf58_476d_1ce4_e5b9
        hash = (hash ^ (hash >> 27)) &* 0x94d0_49bb_1331_11eb
        hash ^= hash >> 31
        let hex = String(hash, radix: 16)
        let padded = String(repeating: "0", count: 16 - hex.count) + hex
        return String(padded.prefix(hexDigits))
    }

    /// A fresh random id: `prefix` followed by `hexDigits` random hex digits.
    public static func random(prefix: String, hexDigits: Int = 12) -> String {
        var generator = SystemRandomNumberGenerator()
        return random(prefix: prefix, hexDigits: hexDigits, using: &generator)
    }

    /// A random id drawn from `generator`, so tests can make ids reproducible.
    public static func random(
        prefix: String,
        hexDigits: Int = 12,
        using generator: inout some RandomNumberGenerator
    ) -> String {
        let alphabet = Array("0123456789abcdef")
        var digits = ""
        for _ in 0..<hexDigits {
            digits.append(alphabet[Int(generator.next() % 16)])
        }
        return prefix + digits
    }
}
