import Hummingbird

/// Registers the API's routes on the router and keeps the list of what it registered.
///
/// Besides recording each ``APIRoute`` for the OpenAPI check, it answers 405 with an `Allow`
/// header for the other methods on a known path: Hummingbird's router answers 404 there, which
/// would tell a client the resource does not exist when only the method is wrong.
final class RouteRegistry {
    typealias Context = MinutesRequestContext

    private(set) var routes: [APIRoute] = []
    private let router: Router<Context>
    private let keyed: RouterGroup<Context>

    /// - Parameters:
    ///   - router: has the edge middleware that every request passes (request id, errors, CORS).
    ///   - keyedMiddleware: run only for keyed routes (API key, rate limit).
    init(router: Router<Context>, keyedMiddleware: [any MiddlewareProtocol<Request, Response, Context>]) {
        self.router = router
        keyed = router.group()
        for middleware in keyedMiddleware {
            keyed.add(middleware: middleware)
        }
    }

    func add(
        _ route: APIRoute,
        use handler: @escaping @Sendable (Request, Context) async throws -> some ResponseGenerator
    ) {
        routes.append(route)
        let path = RouterPath(route.path)
        switch route.access {
        case .open: router.on(path, method: route.method, use: handler)
        case .keyed: keyed.on(path, method: route.method, use: handler)
        }
    }

    /// Adds the 405 answers; call once, after every route.
    ///
    /// Any method a known path does not answer gets 405, `OPTIONS` without CORS preflight
    /// headers, `TRACE` and methods Hummingbird has no name for (`QUERY`) included (a CORS
    /// preflight never gets here: ``CORSPolicyMiddleware`` answers it first). Added after the
    /// routes, the middleware runs only where the router found no responder.
    func addMethodNotAllowed() {
        var allowed: [String: [HTTPRequest.Method]] = [:]
        for route in routes {
            allowed[route.path, default: []].append(route.method)
        }
        router.add(middleware: MethodNotAllowedMiddleware(allowed: allowed))
    }
}

/// Turns the router's 404 for a path that exists under other methods into 405 with `Allow`.
struct MethodNotAllowedMiddleware: RouterMiddleware {
    typealias Context = MinutesRequestContext

    /// Methods by path template (`/sessions/{id}`).
    let allowed: [String: [HTTPRequest.Method]]

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let path = request.uri.path.split(separator: "/", omittingEmptySubsequences: true)
            guard let methods = methods(for: path), !methods.contains(request.method) else { throw error }
            throw APIError.methodNotAllowed(allowed: methods)
        }
    }

    /// The methods of the template the router resolves `path` to: like the router, a literal
    /// segment wins over a `{parameter}` (`/sessions/append` is not `/sessions/{id}`).
    func methods(for path: [Substring]) -> [HTTPRequest.Method]? {
        let matching = allowed.compactMap { template, methods -> (shape: [Bool], methods: [HTTPRequest.Method])? in
            let parts = template.split(separator: "/", omittingEmptySubsequences: true)
            guard parts.count == path.count else { return nil }
            let shape = parts.map { $0.hasPrefix("{") && $0.hasSuffix("}") }
            for (part, (isParameter, segment)) in zip(parts, zip(shape, path)) where !isParameter && part != segment {
                return nil
            }
            return (shape, methods)
        }
        return matching.min { $0.shape.lexicographicallyPrecedes($1.shape) { !$0 && $1 } }?.methods
    }
}
