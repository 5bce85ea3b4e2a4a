import Foundation

/// The directory where stored exports are written.
///
/// Writes must be atomic (a reader sees the old file or the new one, never half of one) and
/// durable once they return, because the store records the export right after.
public protocol ExportArchive: Sendable {
    /// The directory, for messages and listings.
    var location: String { get }
    /// Atomically writes (or replaces) `name` with `data`.
    func write(_ data: Data, named name: String) throws
    func read(named name: String) throws -> Data
    /// Removes `name`; removing a missing file is not an error.
    func remove(named name: String) throws
}
