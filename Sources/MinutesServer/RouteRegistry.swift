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
    /// `OPTIONS` without CORS preflight headers and `TRACE` are answered 405 too (a CORS
    /// preflight never gets here: ``CORSPolicyMiddleware`` answers it first).
    func addMethodNotAllowed() {
        let methods: [HTTPRequest.Method] = [.get, .post, .put, .patch, .delete, .options, .trace]
        for path in Set(routes.map(\.path)) {
            let allowed = routes.filter { $0.path == path }.map(\.method)
            for method in methods where !allowed.contains(method) {
                router.on(RouterPath(path), method: method) { _, _ -> Response in
                    throw APIError.methodNotAllowed(allowed: allowed)
                }
            }
        }
    }
}
