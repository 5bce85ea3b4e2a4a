import Foundation
import Hummingbird
import Logging
import MinutesCore
import MinutesPipeline
import MinutesStorage
import NIOFoundationCompat

/// `GET /health` and `GET /openapi.json`: what a load balancer and a client developer ask first.
///
/// Both are open (no API key, no rate limit): a load balancer probing readiness holds no key,
/// and the API description is public documentation.
struct HealthRoutes {
    let dependencies: ServerDependencies
    let openAPI: OpenAPIDocument

    /// The readiness report.
    struct Health: ResponseEncodable {
        struct Database: Codable {
            var ok: Bool
            var engine: String
        }

        struct Model: Codable {
            var name: String
            var present: Bool
            var loaded: Bool
        }

        struct Queue: Codable {
            var depth: Int?
        }

        /// `ok`; `degraded` when a model is missing (sessions, labels and exports still work,
        /// speech does not); `unavailable` when the database does not answer.
        var status: String
        var database: Database
        var models: [Model]
        var queue: Queue
        /// What an operator should know, such as listening on a network address with no key.
        var warnings: [String]
    }

    func register(on registry: RouteRegistry) {
        registry.add(APIRoute(.get, "/health", access: .open, statuses: [200, 503])) { _, _ in
            try await health()
        }
        registry.add(APIRoute(.get, "/openapi.json", access: .open, statuses: [200])) { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(data: openAPI.json))
            )
        }
    }

    private func health() async throws -> EditedResponse<Health> {
        let depth: Int?
        do {
            depth = try await dependencies.storage.jobs.depth()
        } catch {
            dependencies.logger.error("health check: the database did not answer", metadata: ["error": "\(error)"])
            depth = nil
        }
        let models = dependencies.engines.models.map {
            Health.Model(name: $0.name, present: $0.present, loaded: $0.loaded)
        }
        let status =
            depth == nil ? "unavailable" : models.allSatisfy(\.present) ? "ok" : "degraded"
        let health = Health(
            status: status,
            database: .init(ok: depth != nil, engine: dependencies.storage.dialect.rawValue),
            models: models,
            queue: .init(depth: depth),
            warnings: (try? NetworkExposure.check(dependencies.configuration)) == .unauthenticated
                ? [NetworkExposure.warning] : []
        )
        return EditedResponse(status: depth == nil ? .serviceUnavailable : .ok, response: health)
    }
}
