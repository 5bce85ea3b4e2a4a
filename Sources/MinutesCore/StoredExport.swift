import Foundation

/// A manifest written to the export storage directory and recorded in the store.
public struct StoredExport: Hashable, Sendable, Codable {
    public var id: ExportID
    public var session: SessionID
    public var format: ExportFormat
    /// The file's name inside the storage directory (never a path: see ``ExportArchive``).
    public var fileName: String
    public var byteCount: Int
    public var createdAt: Date

    public init(
        id: ExportID,
        session: SessionID,
        format: ExportFormat,
        fileName: String,
        byteCount: Int,
        createdAt: Date
    ) {
        self.id = id
        self.session = session
        self.format = format
        self.fileName = fileName
        self.byteCount = byteCount
        self.createdAt = createdAt
    }
}
