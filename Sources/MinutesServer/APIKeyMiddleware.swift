import HTTPTypes
import Hummingbird

/// Requires `x-api-key` to equal `MINUTES_API_KEY` (401 otherwise).
///
/// The comparison takes the same time wherever the first difference is, so response timing
/// does not reveal how much of a guessed key was right.
struct APIKeyMiddleware: RouterMiddleware {
    typealias Context = MinutesRequestContext

    static let headerName = HTTPField.Name("x-api-key")!

    let key: String

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let sent = request.headers[Self.headerName], Self.constantTimeEquals(sent, key) else {
            throw APIError.unauthorized
        }
        return try await next(request, context)
    }

    /// Compares every byte of both strings, accumulating differences instead of returning early.
    static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        var difference = UInt8(left.count == right.count ? 0 : 1)
        for index in 0..<max(left.count, right.count) {
            let a = index < left.count ? left[index] : 0
            let b = index < right.count ? right[index] : 0
            difference |= a ^ b
        }
        return difference == 0
    }
}
