import Hummingbird

/// Cross-origin access for browsers, from `MINUTES_ALLOWED_ORIGINS`.
///
/// A preflight (`OPTIONS` with `Origin` and `Access-Control-Request-Method`) is answered here,
/// before the API key is checked, because browsers never send credentials on a preflight. An
/// origin that is not allowed gets no CORS headers, which is how a browser learns it is refused.
/// Hummingbird's own CORS middleware takes a fixed list of origins only as variadic arguments,
/// not a list read at startup, so this one is written for the configuration.
struct CORSPolicyMiddleware: RouterMiddleware {
    typealias Context = MinutesRequestContext

    let allowedOrigins: [String]
    /// Headers a browser script may send (the API key, the request id).
    let allowedHeaders: [String]
    /// Headers a browser script may read (the request id, `Retry-After`).
    let exposedHeaders: [String]

    init(allowedOrigins: [String], requestIDHeader: String) {
        self.allowedOrigins = allowedOrigins
        allowedHeaders = ["content-type", "x-api-key", requestIDHeader]
        exposedHeaders = [requestIDHeader, "retry-after"]
    }

    static let allowedMethods = "GET, POST, DELETE, OPTIONS"

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let origin = request.headers[.origin] else { return try await next(request, context) }
        let allowOrigin = allowedValue(for: origin)
        if request.method == .options, request.headers[.accessControlRequestMethod] != nil {
            var headers: HTTPFields = [.vary: "Origin"]
            if let allowOrigin {
                headers[.accessControlAllowOrigin] = allowOrigin
                headers[.accessControlAllowMethods] = Self.allowedMethods
                headers[.accessControlAllowHeaders] = allowedHeaders.joined(separator: ", ")
                headers[.accessControlMaxAge] = "600"
            }
            return Response(status: .noContent, headers: headers)
        }
        var response = try await next(request, context)
        if let allowOrigin {
            response.headers[.accessControlAllowOrigin] = allowOrigin
            response.headers[.accessControlExposeHeaders] = exposedHeaders.joined(separator: ", ")
        }
        response.headers[values: .vary].append("Origin")
        return response
    }

    /// `*` when any origin may call, the origin itself when it is listed, nil otherwise.
    func allowedValue(for origin: String) -> String? {
        if allowedOrigins.contains("*") { return "*" }
        return allowedOrigins.contains(origin) ? origin : nil
    }
}
