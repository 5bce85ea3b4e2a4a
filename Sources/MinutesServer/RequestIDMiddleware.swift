import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Gives every request an id, echoes it in the response and scopes the request's work to it so
/// that every log line carries it (see ``RequestScope``).
///
/// The client's id (header name from `MINUTES_REQUEST_ID_HEADER`) is kept when it is 1–128
/// visible ASCII characters, so a proxy's or client's id follows the request through; anything
/// else (missing, too long, control characters that could forge log lines) is replaced by a
/// generated one.
struct RequestIDMiddleware: RouterMiddleware {
    typealias Context = MinutesRequestContext

    let headerName: HTTPField.Name

    init(headerName: String) {
        self.headerName = HTTPField.Name(headerName) ?? HTTPField.Name("x-request-id")!
    }

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        let requestID = request.headers[headerName].flatMap(Self.usable) ?? Self.generate()
        context.requestID = requestID
        context.logger[metadataKey: "request.id"] = .string(requestID)
        var response = try await RequestScope.$requestID.withValue(requestID) {
            try await next(request, context)
        }
        response.headers[headerName] = requestID
        return response
    }

    static func usable(_ value: String) -> String? {
        guard (1...128).contains(value.utf8.count), value.utf8.allSatisfy({ (0x21...0x7e).contains($0) }) else {
            return nil
        }
        return value
    }

    static func generate() -> String {
        UUID().uuidString.lowercased()
    }
}
