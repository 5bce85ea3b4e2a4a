import Hummingbird

/// One operation of the API as the OpenAPI document must describe it: method, path template
/// and every status it can answer.
///
/// Routes are registered through ``RouteRegistry``, which records these, so the test that
/// compares the router with `openapi.yaml` reads what was really registered.
public struct APIRoute: Sendable, Hashable, CustomStringConvertible {
    /// Who may call the route.
    public enum Access: Sendable, Hashable {
        /// No API key and no rate limit: health probes and the API description.
        case open
        /// Behind the API key (when one is configured) and the rate limit.
        case keyed
    }

    /// What the route reads from the body.
    public enum Body: Sendable, Hashable {
        case none
        /// JSON that may be left out entirely.
        case optionalJSON
        case json
        case jsonOrMultipart
    }

    public var method: HTTPRequest.Method
    /// The OpenAPI path template, `/sessions/{id}`; Hummingbird reads the same syntax.
    public var path: String
    public var access: Access
    public var body: Body
    /// The statuses the handler itself answers (success first, then its own errors).
    public var handlerStatuses: Set<Int>

    public init(
        _ method: HTTPRequest.Method,
        _ path: String,
        access: Access = .keyed,
        body: Body = .none,
        statuses: Set<Int>
    ) {
        self.method = method
        self.path = path
        self.access = access
        self.body = body
        self.handlerStatuses = statuses
    }

    /// Every status the route can answer, the edge's included: 401 and 429 for keyed routes,
    /// 400, 413 and 415 for routes that read a body, 500 for all.
    public var statuses: Set<Int> {
        var statuses = handlerStatuses.union([500])
        if access == .keyed { statuses.formUnion([401, 429]) }
        if body != .none { statuses.formUnion([400, 413, 415]) }
        return statuses
    }

    public var description: String { "\(method.rawValue) \(path)" }
}
