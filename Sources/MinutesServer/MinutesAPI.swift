import Hummingbird
import Logging
import MinutesCore
import ServiceLifecycle

/// Builds the service: the router with its edge middleware and every route, and the
/// application that serves it next to the job workers.
///
/// Kept in the library, apart from the executable's `main`, so tests and `minutes smoke` run
/// exactly what `minutes serve` runs, without a socket.
public enum MinutesAPI {
    /// The router and the routes it was given, for the OpenAPI check.
    public struct Built {
        public let router: Router<MinutesRequestContext>
        public let routes: [APIRoute]
    }

    public static func router(dependencies: ServerDependencies, openAPI: OpenAPIDocument) -> Built {
        let configuration = dependencies.configuration
        let router = Router(context: MinutesRequestContext.self)
        router.add(middleware: RequestIDMiddleware(headerName: configuration.requestIDHeader))
        router.add(middleware: AccessLogMiddleware())
        router.add(
            middleware: CORSPolicyMiddleware(
                allowedOrigins: configuration.allowedOrigins,
                requestIDHeader: configuration.requestIDHeader
            )
        )
        router.add(middleware: ErrorResponseMiddleware())
        router.add(middleware: BodyLimitMiddleware(limit: configuration.maxBodyBytes))

        var keyedMiddleware: [any MiddlewareProtocol<Request, Response, MinutesRequestContext>] = []
        if let key = configuration.apiKey {
            keyedMiddleware.append(APIKeyMiddleware(key: key))
        }
        if let perMinute = configuration.maxRequestsPerMinute {
            keyedMiddleware.append(
                RateLimitMiddleware(perMinute: perMinute, keyed: configuration.apiKey != nil, clock: ContinuousClock())
            )
        }
        let registry = RouteRegistry(router: router, keyedMiddleware: keyedMiddleware)
        HealthRoutes(dependencies: dependencies, openAPI: openAPI).register(on: registry)
        SingleShotRoutes(dependencies: dependencies).register(on: registry)
        SessionRoutes(dependencies: dependencies).register(on: registry)
        ExportRoutes(dependencies: dependencies).register(on: registry)
        SearchRoutes(dependencies: dependencies).register(on: registry)
        MeetingRoutes(dependencies: dependencies).register(on: registry)
        registry.addMethodNotAllowed()
        return Built(router: router, routes: registry.routes)
    }

    /// The HTTP server on `MINUTES_HOST:MINUTES_PORT` with `MINUTES_WORKERS` job workers as a
    /// service beside it; run it with `runService()` for SIGINT/SIGTERM graceful shutdown.
    public static func application(
        dependencies: ServerDependencies,
        openAPI: OpenAPIDocument,
        workers: MeetingJobWorker.Configuration
    ) -> some ApplicationProtocol {
        let configuration = dependencies.configuration
        var application = Application(
            router: router(dependencies: dependencies, openAPI: openAPI).router,
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port),
                serverName: "minutes"
            ),
            logger: dependencies.logger
        )
        if workers.workers > 0 {
            application.addServices(MeetingJobWorker(dependencies: dependencies, configuration: workers))
        }
        return application
    }

    /// Serves until SIGINT or SIGTERM, then shuts down gracefully: the listener stops, running
    /// requests and jobs finish.
    public static func serve(
        dependencies: ServerDependencies,
        openAPI: OpenAPIDocument,
        workers: MeetingJobWorker.Configuration
    ) async throws {
        try await application(dependencies: dependencies, openAPI: openAPI, workers: workers).runService()
    }
}
