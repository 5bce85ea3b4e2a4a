import Foundation
import Hummingbird
import MinutesCore
import NIOFoundationCompat

/// Exports: render a session in any format, store its manifest, list, fetch and sweep stored
/// exports.
struct ExportRoutes {
    let dependencies: ServerDependencies

    private var orchestrator: SessionOrchestrator { dependencies.orchestrator }

    func register(on registry: RouteRegistry) {
        registry.add(APIRoute(.get, "/sessions/{id}/export", statuses: [200, 400, 404])) { request, context in
            let session = try PathID.session(context)
            let format = try Self.format(request.uri.queryParameters["format"].map(String.init))
            return Response(
                status: .ok,
                headers: [
                    .contentType: Self.mediaType(of: format),
                    .contentDisposition: "inline; filename=\"\(session).\(format.fileExtension)\"",
                ],
                body: .init(byteBuffer: ByteBuffer(string: try await orchestrator.export(session, format: format)))
            )
        }
        registry.add(APIRoute(.post, "/sessions/{id}/export/store", statuses: [201, 404])) { _, context in
            let record = try await orchestrator.storeExport(try PathID.session(context))
            return EditedResponse(
                status: .created,
                headers: [.location: "/exports/\(record.id)"],
                response: JSONResponse(ExportView(record))
            )
        }
        registry.add(APIRoute(.get, "/exports", statuses: [200, 400])) { request, _ in
            let session = try request.uri.queryParameters["session_id"].map { text in
                guard let id = SessionID(parsing: String(text)) else {
                    throw APIError.badRequest("invalid_value", "'session_id' is not a session id")
                }
                return id
            }
            return ExportList(exports: try await orchestrator.storedExports(of: session).map(ExportView.init))
        }
        registry.add(APIRoute(.get, "/exports/{id}", statuses: [200, 404])) { _, context in
            let (record, data) = try await orchestrator.storedExport(try PathID.export(context))
            return Response(
                status: .ok,
                headers: [
                    .contentType: Self.mediaType(of: record.format),
                    .contentDisposition: "inline; filename=\"\(record.fileName)\"",
                ],
                body: .init(byteBuffer: ByteBuffer(data: data))
            )
        }
        registry.add(APIRoute(.post, "/exports/retention/sweep", body: .optionalJSON, statuses: [200])) {
            request,
            context in
            let days = try await request.decodeOptionalJSON(as: SweepRequest.self, context: context)?.days
            let removed = try await orchestrator.sweepExports(olderThanDays: days)
            return ExportList(exports: removed.map(ExportView.init))
        }
    }

    /// The `format` query parameter; Markdown when absent.
    static func format(_ text: String?) throws -> ExportFormat {
        guard let text else { return .markdown }
        guard let format = ExportFormat(rawValue: text) else {
            let known = ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")
            throw APIError.badRequest("invalid_value", "'format' must be one of \(known)")
        }
        return format
    }

    static func mediaType(of format: ExportFormat) -> String {
        switch format {
        case .markdown: "text/markdown; charset=utf-8"
        case .json: "application/json"
        case .srt: "application/x-subrip; charset=utf-8"
        case .vtt: "text/vtt; charset=utf-8"
        case .rttm, .txt: "text/plain; charset=utf-8"
        }
    }
}

extension ExportRoutes {
    /// A stored export's record; its file name inside the storage directory stays internal.
    struct ExportView: Codable, Sendable {
        var id: ExportID
        var sessionID: SessionID
        var format: ExportFormat
        var byteCount: Int
        var createdAt: Date

        init(_ record: StoredExport) {
            id = record.id
            sessionID = record.session
            format = record.format
            byteCount = record.byteCount
            createdAt = record.createdAt
        }
    }

    struct ExportList: ResponseEncodable {
        var exports: [ExportView]
    }

    struct SweepRequest: Decodable {
        /// Remove stored exports older than this; the configured retention when absent.
        var days: Int?

        private enum CodingKeys: String, CodingKey {
            case days
        }

        init(from decoder: any Decoder) throws {
            days = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(Int.self, forKey: .days)
            if let days, !(0...36_500).contains(days) {
                throw APIError.badRequest("invalid_value", "'days' must be 0 to 36500")
            }
        }
    }
}
