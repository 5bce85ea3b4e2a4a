import Hummingbird
import Logging

/// Turns everything thrown inside it into the API's JSON error, so no error escapes as an empty
/// Hummingbird response and every failure carries the request id.
///
/// Unexpected errors are logged here, with their type and description, since the client is only
/// told "internal error".
struct ErrorResponseMiddleware: RouterMiddleware {
    typealias Context = MinutesRequestContext

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let answer = APIError(mapping: error)
            if answer.status.code >= 500 {
                context.logger.error(
                    "request failed",
                    metadata: ["error.type": "\(type(of: error))", "error": "\(error)"]
                )
            }
            return try answer.response(from: request, context: context)
        }
    }
}
