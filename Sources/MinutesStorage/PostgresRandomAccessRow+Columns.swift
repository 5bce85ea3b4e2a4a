import Foundation
import PostgresNIO

/// Reading columns by name in the portable encodings of ``SchemaMigration``.
extension PostgresRandomAccessRow {
    func value<Value: PostgresDecodable>(_ column: String, as type: Value.Type = Value.self) throws -> Value {
        try self[column].decode(Value.self)
    }

    /// A BIGINT of milliseconds since 1970.
    func date(_ column: String) throws -> Date {
        Date(millisecondsSince1970: try value(column, as: Int64.self))
    }

    /// A nullable BIGINT of milliseconds since 1970.
    func optionalDate(_ column: String) throws -> Date? {
        try value(column, as: Int64?.self).map(Date.init(millisecondsSince1970:))
    }

    /// A JSON text column.
    func json<Value: Decodable>(_ column: String, as type: Value.Type) throws -> Value {
        try JSONText.decode(Value.self, from: try value(column, as: String.self))
    }
}
