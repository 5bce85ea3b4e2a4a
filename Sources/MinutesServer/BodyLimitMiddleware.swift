import Hummingbird

/// Refuses a body larger than `MINUTES_MAX_BODY_BYTES` before reading it when its
/// `Content-Length` says so, and tells the routes the limit for bodies sent without one
/// (chunked), which stop reading at the limit.
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = MinutesRequestContext

    let limit: Int

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit {
            throw APIError.contentTooLarge(limit: limit)
        }
        var context = context
        context.maxUploadSize = limit
        return try await next(request, context)
    }
}
