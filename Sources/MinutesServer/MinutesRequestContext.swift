import Foundation
import Hummingbird
import NIOCore

/// What the edge learns about a request and hands to the routes: its id, where it came from,
/// and how large a body it may send.
public struct MinutesRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The client's request id when it sent a usable one, otherwise one generated here; set by
    /// ``RequestIDMiddleware`` before anything else runs.
    public var requestID: String
    /// The peer's address, the rate limit's key for clients without an API key.
    public let remoteAddress: SocketAddress?
    /// The largest body the routes read (`MINUTES_MAX_BODY_BYTES`), set by ``BodyLimitMiddleware``.
    public var maxUploadSize: Int

    public init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        requestID = ""
        remoteAddress = source.channel.remoteAddress
        maxUploadSize = ServerConfiguration.defaultMaxBodyBytes
    }

    public var responseEncoder: JSONEncoder { APIJSON.encoder() }
    public var requestDecoder: JSONDecoder { APIJSON.decoder() }
}
