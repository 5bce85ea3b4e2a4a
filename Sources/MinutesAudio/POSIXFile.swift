import MinutesCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A POSIX file descriptor owned by one WAV reader or writer and closed in `deinit`.
///
/// WAV files are read and written with `pread`/`pwrite` at explicit offsets, so the writer can
/// patch the header after every append without moving a shared file position, and `fsync` and
/// `ftruncate` are at hand for crash safety. Foundation's `FileHandle` hides or lacks all three.
final class POSIXFile {
    /// The path as the caller gave it, for error messages.
    let path: String
    private var descriptor: Int32

    /// Opens `path` with the `open(2)` `flags`.
    ///
    /// - Throws: `MinutesError(.invalidInput)` when the file cannot be opened for reading,
    ///   `MinutesError(.storage)` when it cannot be opened for writing.
    init(path: String, flags: Int32, mode: mode_t = 0o644) throws {
        self.path = path
        let opened = path.withCString { open($0, flags | O_CLOEXEC, mode) }
        guard opened >= 0 else {
            let writing = flags & (O_WRONLY | O_RDWR) != 0
            throw Self.error(writing ? "cannot open '\(path)' for writing" : "cannot open '\(path)'", writing: writing)
        }
        descriptor = opened
    }

    deinit {
        if descriptor >= 0 {
            _ = closeDescriptor(descriptor)
        }
    }

    /// Takes an advisory exclusive lock (`flock(2)`), held until the file is closed.
    ///
    /// - Returns: false when another open file description holds it, in this or another process.
    func lockExclusively() -> Bool {
        flock(descriptor, LOCK_EX | LOCK_NB) == 0
    }

    /// The current length of the file in bytes.
    func size() throws -> Int64 {
        var info = stat()
        guard try checkedDescriptor(), fstat(descriptor, &info) == 0 else {
            throw Self.error("cannot read the size of '\(path)'", writing: false)
        }
        return Int64(info.st_size)
    }

    /// Fills `buffer` from `offset`, stopping early only at the end of the file.
    ///
    /// - Returns: The number of bytes read; less than `buffer.count` only at the end of the file.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int64) throws -> Int {
        _ = try checkedDescriptor()
        var done = 0
        while done < buffer.count {
            guard let base = buffer.baseAddress else { return 0 }
            let count = pread(descriptor, base + done, buffer.count - done, off_t(offset) + off_t(done))
            if count < 0 {
                if errno == EINTR { continue }
                throw Self.error("cannot read '\(path)'", writing: false)
            }
            if count == 0 { break }
            done += count
        }
        return done
    }

    /// Reads up to `count` bytes from `offset`; fewer only at the end of the file.
    func read(count: Int, at offset: Int64) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let got = try bytes.withUnsafeMutableBytes { try read(into: $0, at: offset) }
        bytes.removeLast(count - got)
        return bytes
    }

    /// Writes all of `bytes` at `offset`.
    func write(_ bytes: UnsafeRawBufferPointer, at offset: Int64) throws {
        _ = try checkedDescriptor()
        var done = 0
        while done < bytes.count {
            guard let base = bytes.baseAddress else { return }
            let count = pwrite(descriptor, base + done, bytes.count - done, off_t(offset) + off_t(done))
            if count < 0 {
                if errno == EINTR { continue }
                throw Self.error("cannot write '\(path)'", writing: true)
            }
            done += count
        }
    }

    /// Writes `value` as four little-endian bytes at `offset`, as RIFF size fields are stored.
    func writeUInt32(_ value: UInt32, at offset: Int64) throws {
        try withUnsafeBytes(of: value.littleEndian) { try write($0, at: offset) }
    }

    /// Cuts the file to `length` bytes.
    func truncate(to length: Int64) throws {
        guard try checkedDescriptor(), ftruncate(descriptor, off_t(length)) == 0 else {
            throw Self.error("cannot truncate '\(path)'", writing: true)
        }
    }

    /// Waits until the kernel has written the file's data and size to the disk.
    func sync() throws {
        guard try checkedDescriptor(), fsync(descriptor) == 0 else {
            throw Self.error("cannot sync '\(path)' to disk", writing: true)
        }
    }

    /// Closes the descriptor; later calls throw.
    func close() throws {
        guard descriptor >= 0 else { return }
        let result = closeDescriptor(descriptor)
        descriptor = -1
        if result != 0 {
            throw Self.error("cannot close '\(path)'", writing: true)
        }
    }

    private func checkedDescriptor() throws -> Bool {
        guard descriptor >= 0 else {
            throw MinutesError(.invalidInput, "'\(path)' is already closed")
        }
        return true
    }

    /// An error for the failed call, with `errno`'s text appended ("No such file or directory").
    private static func error(_ what: String, writing: Bool) -> MinutesError {
        let reason = String(cString: strerror(errno))
        return MinutesError(writing ? .storage : .invalidInput, "\(what): \(reason)")
    }
}

/// `close(2)`, named apart from ``POSIXFile/close()`` so the method can call it.
private func closeDescriptor(_ descriptor: Int32) -> Int32 {
    #if canImport(Glibc)
    Glibc.close(descriptor)
    #else
    Darwin.close(descriptor)
    #endif
}
