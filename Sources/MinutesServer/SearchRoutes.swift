import Foundation
import Hummingbird
import MinutesCore

/// `GET /search`: the CLI's `minutes search` over HTTP, with the same syntax, filters and order.
struct SearchRoutes {
    let dependencies: ServerDependencies

    func register(on registry: RouteRegistry) {
        registry.add(APIRoute(.get, "/search", statuses: [200, 400])) { request, _ in
            let parameters = request.uri.queryParameters
            let text = { (name: Substring) in parameters[name].map(String.init) }
            let limit = try text("limit").map { value in
                guard let limit = Int(value) else {
                    throw APIError.badRequest("invalid_value", "'limit' must be a whole number")
                }
                return limit
            }
            let query = try SearchQuery(
                text: text("q") ?? "",
                speaker: text("speaker"),
                since: text("since"),
                until: text("until"),
                session: text("session_id"),
                kinds: parameters.getAll("kind").flatMap { $0.split(separator: ",").map(String.init) },
                limit: limit,
                raw: text("raw") == "true",
                timeZone: TimeZone(identifier: "UTC") ?? .current
            )
            return SearchHitList(hits: try await dependencies.orchestrator.search(query))
        }
    }

    struct SearchHitList: ResponseEncodable {
        var hits: [SearchHit]
    }
}
