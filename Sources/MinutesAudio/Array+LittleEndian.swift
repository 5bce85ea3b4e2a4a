/// Little-endian field access for RIFF headers, which store every number little-endian.
///
/// Callers check the length first; these read whatever the bytes say and never trap on
/// a short array, because header bytes come straight from untrusted files.
extension [UInt8] {
    /// The unsigned 16-bit number at `offset`, or 0 past the end.
    func uint16LE(at offset: Int) -> UInt16 {
        guard offset >= 0, offset + 2 <= count else { return 0 }
        return UInt16(self[offset]) | UInt16(self[offset + 1]) << 8
    }

    /// The unsigned 32-bit number at `offset`, or 0 past the end.
    func uint32LE(at offset: Int) -> UInt32 {
        guard offset >= 0, offset + 4 <= count else { return 0 }
        return (0..<4).reduce(UInt32(0)) { $0 | UInt32(self[offset + $1]) << (8 * UInt32($1)) }
    }

    /// The unsigned 64-bit number at `offset`, or 0 past the end.
    func uint64LE(at offset: Int) -> UInt64 {
        UInt64(uint32LE(at: offset)) | UInt64(uint32LE(at: offset + 4)) << 32
    }

    /// The four bytes at `offset` as a chunk id ("RIFF", "fmt "), with unprintable bytes escaped.
    func fourCC(at offset: Int) -> String {
        guard offset >= 0, offset + 4 <= count else { return "" }
        return Self.printable(self[offset..<offset + 4])
    }

    /// `bytes` as text a person can read in an error message: ASCII as is, the rest as `\xNN`.
    static func printable(_ bytes: ArraySlice<UInt8>) -> String {
        var text = ""
        for byte in bytes {
            if byte >= 0x20, byte < 0x7F {
                text.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                text += "\\x" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return text
    }
}
