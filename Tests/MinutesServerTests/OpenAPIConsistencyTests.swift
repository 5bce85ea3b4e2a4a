import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MinutesServer
import MinutesTestSupport
import Testing

/// `openapi.yaml` and the router describe the same API: every registered route with every
/// status it can answer is documented, nothing documented is missing, and every documented
/// operation is really served.
@Suite(.hangGuard)
struct OpenAPIConsistencyTests {
    @Test func everyRouteAndStatusIsDocumentedAndNothingElse() throws {
        let harness = try ServerHarness()
        let documented = try OpenAPIDocument.bundled().operations()
        let registered = Dictionary(uniqueKeysWithValues: harness.built.routes.map { ($0.description, $0.statuses) })
        #expect(Set(documented.keys) == Set(registered.keys))
        for (operation, statuses) in registered {
            #expect(documented[operation] == statuses, "\(operation)")
        }
    }

    @Test func everyDocumentedOperationIsServed() async throws {
        let harness = try ServerHarness()
        let operations = try OpenAPIDocument.bundled().operations().keys
        try await harness.test { client in
            for operation in operations {
                let parts = operation.split(separator: " ", maxSplits: 1).map(String.init)
                let path = parts[1].replacingOccurrences(of: "{id}", with: "ses_0000000000aa")
                let response = try await client.send(HTTPRequest.Method(parts[0])!, path)
                #expect(response.status != .methodNotAllowed, "\(operation)")
                #expect(
                    response.json["error"].map { _ in response.text.contains("no such route") } != true,
                    "\(operation)"
                )
            }
        }
    }

    @Test func theDescriptionIsServedAsJSON() async throws {
        let harness = try ServerHarness()
        try await harness.test { client in
            let response = try await client.send(.get, "/openapi.json")
            #expect(response.status == .ok)
            #expect(response.json["openapi"] as? String == "3.1.0")
            #expect((response.json["paths"] as? [String: Any])?["/sessions/append"] != nil)
        }
    }
}
