import Foundation
import MinutesCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Stored exports as files in one directory (`MINUTES_STORAGE_DIR`).
///
/// Each write goes to a temporary file in the same directory, is flushed with `fsync`, then
/// renamed over the target, and the directory itself is synced: after a crash the file is
/// either the old version or the new one, and a recorded export always has its file.
public struct FileExportArchive: ExportArchive {
    public let location: String

    /// - Throws: `.storage` when the directory cannot be created.
    public init(directory: String) throws {
        self.location = directory
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw MinutesError(.storage, "cannot create the export storage directory \(directory)", cause: error)
        }
    }

    public func write(_ data: Data, named name: String) throws {
        let target = try path(of: name)
        let temporary = location + "/.\(name).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure("cannot write to the export storage directory \(location)") }
        var written = 0
        let succeeded = data.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let result = Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                written += result
            }
            return fsync(descriptor) == 0
        }
        let writeError = failure("cannot write \(name) to \(location)")
        close(descriptor)
        guard succeeded else {
            unlink(temporary)
            throw writeError
        }
        guard rename(temporary, target) == 0 else {
            let error = failure("cannot move \(name) into place in \(location)")
            unlink(temporary)
            throw error
        }
        syncDirectory()
    }

    public func read(named name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: try path(of: name)))
    }

    public func remove(named name: String) throws {
        let target = try path(of: name)
        guard unlink(target) == 0 || errno == ENOENT else {
            throw failure("cannot remove \(name) from \(location)")
        }
    }

    /// Stored file names are generated from ids; anything that could leave the directory is
    /// refused rather than trusted.
    private func path(of name: String) throws -> String {
        guard !name.isEmpty, !name.contains("/"), !name.hasPrefix(".") else {
            throw MinutesError(.invalidInput, "refusing the export file name '\(name)'")
        }
        return location + "/" + name
    }

    private func syncDirectory() {
        let descriptor = open(location, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    private func failure(_ message: String) -> MinutesError {
        MinutesError(.storage, "\(message): \(String(cString: strerror(errno)))")
    }
}
