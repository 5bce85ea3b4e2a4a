import Foundation
import MinutesTestSupport
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// An OpenAI-compatible endpoint for tests: a tiny HTTP/1.1 server on 127.0.0.1 that records every
/// request and answers as the test scripts it (200, 429, 500, garbage, slowly, or not at all).
///
/// It speaks just enough HTTP for `URLSession`: one request per connection, bodies by
/// `Content-Length`, `Expect: 100-continue` honoured, `Connection: close` on every answer. Each
/// connection gets its own thread, so a slow answer does not hold up the retry that follows it.
/// It binds to the loopback address only, on a port the kernel picks.
final class LLMFakeServer: Sendable {
    /// What the server does with one request.
    indirect enum Reply: Sendable {
        /// Answer with `status`, extra headers and a JSON body.
        case http(status: Int, headers: [String: String], body: String)
        /// Wait, then do `then` (the client has usually given up by then).
        case delayed(TimeInterval, then: Reply)

        /// A chat completion whose first choice says `content`.
        static func completion(_ content: String, promptTokens: Int = 100, completionTokens: Int = 20) -> Reply {
            let envelope: [String: Any] = [
                "id": "chatcmpl-test",
                "object": "chat.completion",
                "model": "fake-model",
                "choices": [
                    ["index": 0, "finish_reason": "stop", "message": ["role": "assistant", "content": content]]
                ],
                "usage": [
                    "prompt_tokens": promptTokens, "completion_tokens": completionTokens,
                    "total_tokens": promptTokens + completionTokens,
                ],
            ]
            let data = try! JSONSerialization.data(withJSONObject: envelope, options: [.sortedKeys])
            return .http(status: 200, headers: [:], body: String(decoding: data, as: UTF8.self))
        }

        /// An OpenAI-style error answer.
        static func error(_ status: Int, message: String = "boom", headers: [String: String] = [:]) -> Reply {
            let body: [String: Any] = ["error": ["message": message, "type": "test_error"]]
            let data = try! JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])
            return .http(status: status, headers: headers, body: String(decoding: data, as: UTF8.self))
        }
    }

    /// One request as the server read it.
    struct Request: Sendable {
        var method: String
        var path: String
        /// Header names lowercased.
        var headers: [String: String]
        var body: Data

        /// The body as JSON, or `nil`.
        var json: [String: Any]? {
            (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
        }

        /// The `content` of every message, in order.
        var messageContents: [String] {
            ((json?["messages"] as? [[String: Any]]) ?? []).compactMap { $0["content"] as? String }
        }

        /// The `role` of every message, in order.
        var messageRoles: [String] {
            ((json?["messages"] as? [[String: Any]]) ?? []).compactMap { $0["role"] as? String }
        }
    }

    let port: Int
    private let listener: Int32
    private let responder: @Sendable (Request, Int) -> Reply
    private let recorded = Mutex<[Request]>([])
    private let stopped = Mutex(false)

    /// Starts listening on 127.0.0.1 with an ephemeral port.
    ///
    /// - Parameter responder: the reply to the request numbered by its second argument (0 first).
    init(responder: @escaping @Sendable (Request, Int) -> Reply) throws {
        self.responder = responder
        let (descriptor, boundPort) = try Self.boundLoopbackSocket(reusingAddress: true)
        guard listen(descriptor, 16) == 0 else {
            close(descriptor)
            throw FakeServerError("cannot listen on 127.0.0.1")
        }
        port = boundPort
        listener = descriptor
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// A server that answers the n-th request with `replies[n]`, and the last one to any after it.
    convenience init(replies: [Reply]) throws {
        try self.init { _, index in replies[min(index, replies.count - 1)] }
    }

    /// `http://127.0.0.1:<port>/v1`, as `MINUTES_LLM_BASE_URL` would name it.
    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)/v1")! }

    /// Every request so far, in arrival order.
    var requests: [Request] { recorded.withLock { $0 } }

    /// Stops accepting connections; answers in flight still complete.
    ///
    /// Call it when done: the accepting thread keeps the server alive until then.
    func stop() {
        let wasStopped = stopped.withLock { stopped in
            defer { stopped = true }
            return stopped
        }
        guard !wasStopped else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    /// A port on 127.0.0.1 that nothing listens on, for an endpoint that is down.
    ///
    /// The port stays bound (without listening, and without `SO_REUSEADDR`) until
    /// ``ClosedPort/release()``: a port merely closed again was once handed by the kernel to a
    /// fake server of a test running beside it, which then answered the "down" endpoint.
    static func closedPort() throws -> ClosedPort {
        let (descriptor, port) = try boundLoopbackSocket(reusingAddress: false)
        return ClosedPort(descriptor: descriptor, port: port)
    }

    /// A bound, never listening port: connecting to it is refused.
    struct ClosedPort {
        let descriptor: Int32
        let port: Int

        func release() { close(descriptor) }
    }

    // MARK: - Serving

    /// A TCP socket bound to 127.0.0.1 on a port the kernel picks, and that port.
    private static func boundLoopbackSocket(reusingAddress: Bool) throws -> (descriptor: Int32, port: Int) {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw FakeServerError("cannot create a socket") }
        if reusingAddress {
            var yes: Int32 = 1
            setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = in_addr_t(0x7f00_0001).bigEndian
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else {
            close(descriptor)
            throw FakeServerError("cannot bind a port on 127.0.0.1")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return (descriptor, Int(UInt16(bigEndian: address.sin_port)))
    }

    private func acceptLoop() {
        while !stopped.withLock({ $0 }) {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else {
                if errno == EINTR { continue }
                return
            }
            var timeout = timeval(tv_sec: 10, tv_usec: 0)
            setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            let thread = Thread { [self] in serve(connection) }
            thread.start()
        }
    }

    private func serve(_ connection: Int32) {
        defer { close(connection) }
        guard let request = readRequest(connection) else { return }
        let index = recorded.withLock { requests in
            requests.append(request)
            return requests.count - 1
        }
        var reply = responder(request, index)
        while case .delayed(let seconds, let then) = reply {
            Thread.sleep(forTimeInterval: seconds)
            reply = then
        }
        guard case .http(let status, let headers, let body) = reply else { return }
        var head = "HTTP/1.1 \(status) \(Self.reason(status))\r\n"
        head += "Content-Type: application/json\r\n"
        head += "Content-Length: \(body.utf8.count)\r\n"
        head += "Connection: close\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) {
            head += "\(name): \(value)\r\n"
        }
        write(Array((head + "\r\n" + body).utf8), to: connection)
    }

    private func readRequest(_ connection: Int32) -> Request? {
        var buffer: [UInt8] = []
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        var headerEnd: Int?
        while headerEnd == nil {
            guard let chunk = receive(connection) else { return nil }
            buffer += chunk
            headerEnd = Self.find(separator, in: buffer)
            if buffer.count > 1 << 20 { return nil }
        }
        guard let headerEnd else { return nil }
        let head = String(decoding: buffer[..<headerEnd], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces
            )
        }
        var body = Array(buffer[(headerEnd + separator.count)...])
        let length = Int(headers["content-length"] ?? "0") ?? 0
        if body.count < length, headers["expect"]?.lowercased() == "100-continue" {
            write(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8), to: connection)
        }
        while body.count < length {
            guard let chunk = receive(connection) else { return nil }
            body += chunk
        }
        return Request(
            method: String(requestLine[0]),
            path: String(requestLine[1]),
            headers: headers,
            body: Data(body.prefix(length))
        )
    }

    private func receive(_ connection: Int32) -> [UInt8]? {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = chunk.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return Array(chunk.prefix(count))
    }

    private func write(_ bytes: [UInt8], to connection: Int32) {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes {
                send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            guard count > 0 else { return }
            sent += count
        }
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count)
        where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return start
        }
        return nil
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }
}

struct FakeServerError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The fake server itself, so that a failure in the LLM tests is not a failure of the server.
@Suite(.hangGuard)
struct LLMFakeServerTests {
    @Test func recordsARequestAndAnswersAsScripted() async throws {
        // Given a server scripted to answer 201 with a header
        let server = try LLMFakeServer(replies: [.http(status: 201, headers: ["X-Test": "yes"], body: "{\"ok\":true}")])
        defer { server.stop() }

        // When URLSession posts a body to it
        var request = URLRequest(url: server.baseURL.appendingPathComponent("chat/completions"))
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(String(repeating: "x", count: 5_000).utf8)
        let (data, response) = try await URLSession(configuration: .ephemeral).data(for: request)

        // Then the answer and the recorded request are what was sent
        let http = try #require(response as? HTTPURLResponse)
        #expect(http.statusCode == 201)
        #expect(http.value(forHTTPHeaderField: "X-Test") == "yes")
        #expect(String(decoding: data, as: UTF8.self) == "{\"ok\":true}")
        let recorded = try #require(server.requests.first)
        #expect(recorded.method == "POST")
        #expect(recorded.path == "/v1/chat/completions")
        #expect(recorded.body.count == 5_000)
        #expect(recorded.headers["content-type"] == "application/json")
    }
}
