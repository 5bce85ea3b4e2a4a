/// The SQL engines that share ``SchemaMigration/all``.
public enum SQLDialect: String, Sendable, CaseIterable {
    case sqlite
    case postgres

    /// How this engine spells the column type of raw bytes (job attachments).
    public var binaryType: String {
        switch self {
        case .sqlite: "BLOB"
        case .postgres: "BYTEA"
        }
    }
}
