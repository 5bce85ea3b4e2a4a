import Hummingbird
import Logging

/// One structured log line per request: method, route template, status and duration.
///
/// The route template (`/sessions/{id}`) is logged rather than the path, so ids from the URL do
/// not multiply the distinct values a log pipeline sees; bodies and query strings are never
/// logged, since they can hold transcript text.
struct AccessLogMiddleware: RouterMiddleware {
    typealias Context = MinutesRequestContext

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let started = ContinuousClock.now
        let response = try await next(request, context)
        let milliseconds = (ContinuousClock.now - started) / .milliseconds(1)
        context.logger.log(
            level: response.status.code >= 500 ? .error : .info,
            "request handled",
            metadata: [
                "http.method": .string(request.method.rawValue),
                "http.route": .string(context.endpointPath ?? "unmatched"),
                "http.status": .stringConvertible(response.status.code),
                "http.duration_ms": .stringConvertible(Int(milliseconds.rounded())),
            ]
        )
        return response
    }
}
