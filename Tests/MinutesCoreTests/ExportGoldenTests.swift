import Foundation
import MinutesCore
import MinutesTestSupport
import Testing

/// Every export format of ``MeetingFixture`` compared byte for byte with a reviewed file in `Golden/`.
///
/// Run with `MINUTES_UPDATE_GOLDEN=1` to rewrite them after an intended change.
@Suite(.hangGuard)
struct ExportGoldenTests {
    @Test(arguments: ExportFormat.allCases)
    func exportMatchesGoldenFile(_ format: ExportFormat) async throws {
        let harness = try await OrchestratorHarness.withFixture()
        let text = try await harness.orchestrator.export(MeetingFixture.sessionID, format: format)

        if ProcessInfo.processInfo.environment["MINUTES_UPDATE_GOLDEN"] == "1" {
            let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("Golden/meeting.\(format.fileExtension)")
            try Data(text.utf8).write(to: source)
        }
        let url = try #require(Bundle.module.url(forResource: "Golden/meeting", withExtension: format.fileExtension))
        let golden = try String(contentsOf: url, encoding: .utf8)
        #expect(text == golden)
    }

    @Test(arguments: ExportFormat.allCases)
    func theSameSessionExportsToIdenticalBytes(_ format: ExportFormat) async throws {
        let first = try await OrchestratorHarness.withFixture()
        let second = try await OrchestratorHarness.withFixture()

        let one = try await first.orchestrator.export(MeetingFixture.sessionID, format: format)
        let two = try await second.orchestrator.export(MeetingFixture.sessionID, format: format)

        #expect(Data(one.utf8) == Data(two.utf8))
    }

    @Test func manifestRejectsOtherSchemasAndNewerVersions() throws {
        let newer = #"{"schema": "minutes.manifest", "schema_version": 99}"#
        let other = #"{"schema": "something.else", "schema_version": 1}"#

        #expect(throws: MinutesError(.invalidInput, "")) { try ExportManifest.decode(Data(newer.utf8)) }
        #expect(throws: MinutesError(.invalidInput, "")) { try ExportManifest.decode(Data(other.utf8)) }
        #expect(throws: MinutesError(.invalidInput, "")) { try ExportManifest.decode(Data("not json".utf8)) }
    }
}
