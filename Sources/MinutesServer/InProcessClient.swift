import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOEmbedded
import NIOFoundationCompat

/// Sends requests straight to the router's responder, without a socket: the stitched API as
/// `minutes smoke` exercises it.
///
/// Requests pass the same middleware and routes as over the network. The context's channel is
/// NIO's in-memory test channel, which has no peer address, so the rate limit counts such
/// requests as one client.
public struct InProcessClient: Sendable {
    /// A response with its body read.
    public struct Reply: Sendable {
        public var status: HTTPResponse.Status
        public var headers: HTTPFields
        public var body: Data

        /// The body as JSON, for reading fields.
        public func json() throws -> [String: Any] {
            try JSONSerialization.jsonObject(with: body) as? [String: Any] ?? [:]
        }

        public var text: String { String(decoding: body, as: UTF8.self) }
    }

    let responder: RouterResponder<MinutesRequestContext>
    let logger: Logger

    public init(router: Router<MinutesRequestContext>, logger: Logger) {
        responder = router.buildResponder()
        self.logger = logger
    }

    public func send(
        _ method: HTTPRequest.Method,
        _ path: String,
        headers: HTTPFields = [:],
        body: Data? = nil
    ) async throws -> Reply {
        var headers = headers
        if let body { headers[.contentLength] = String(body.count) }
        let request = Request(
            head: HTTPRequest(
                method: method,
                scheme: "http",
                authority: "localhost",
                path: path,
                headerFields: headers
            ),
            body: RequestBody(buffer: ByteBuffer(data: body ?? Data()))
        )
        let context = MinutesRequestContext(source: .init(channel: NIOAsyncTestingChannel(), logger: logger))
        let response = try await responder.respond(to: request, context: context)
        let collector = BodyCollector()
        try await response.body.write(collector)
        return Reply(status: response.status, headers: response.headers, body: collector.data)
    }

    /// Sends `object` as a JSON body.
    public func send(
        _ method: HTTPRequest.Method,
        _ path: String,
        headers: HTTPFields = [:],
        json object: [String: Any]
    ) async throws -> Reply {
        var headers = headers
        headers[.contentType] = "application/json"
        return try await send(method, path, headers: headers, body: try JSONSerialization.data(withJSONObject: object))
    }
}

/// Keeps what a response body writes; one response, one task.
private final class BodyCollector: ResponseBodyWriter {
    private(set) var data = Data()

    func write(_ buffer: ByteBuffer) async throws {
        data.append(contentsOf: buffer.readableBytesView)
    }

    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
