import Foundation
import MinutesCore
import Synchronization

/// An ``ExportArchive`` held in memory, for tests that check what was written and removed.
public final class InMemoryExportArchive: ExportArchive {
    private let files = Mutex<[String: Data]>([:])

    public init() {}

    public var location: String { "memory:" }

    public func write(_ data: Data, named name: String) throws {
        files.withLock { $0[name] = data }
    }

    public func read(named name: String) throws -> Data {
        guard let data = files.withLock({ $0[name] }) else {
            throw MinutesError(.notFound, "no file \(name)")
        }
        return data
    }

    public func remove(named name: String) throws {
        _ = files.withLock { $0.removeValue(forKey: name) }
    }

    /// The names of the files currently held, sorted.
    public var fileNames: [String] {
        files.withLock { $0.keys.sorted() }
    }

    /// The text of a file, or nil when it does not exist.
    public func text(of name: String) -> String? {
        files.withLock { $0[name] }.map { String(decoding: $0, as: UTF8.self) }
    }
}
