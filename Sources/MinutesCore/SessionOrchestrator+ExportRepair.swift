import Foundation
import Logging

extension SessionOrchestrator {
    /// Rewrites stored exports that still hold what a forget redacted.
    ///
    /// A forget commits first and rewrites the session's export files after; a crash between
    /// the two leaves files with the forgotten speaker's words. Run at start (the console and
    /// `minutes serve` do): every export of a session with a forgotten speaker that differs
    /// from what the session renders now is written again, a missing file too.
    ///
    /// - Returns: How many export files were out of date.
    @discardableResult
    public func repairStoredExports() async throws -> Int {
        let exports = try await store.storedExports(of: nil)
        var repaired = 0
        for session in Set(exports.map(\.session)).sorted(by: { $0.rawValue < $1.rawValue }) {
            let manifest = try await manifest(session)
            guard manifest.speakers.contains(where: \.isForgotten) else { continue }
            let stale = exports.filter { export in
                export.session == session
                    && (try? archive.read(named: export.fileName)) != Data(export.format.render(manifest).utf8)
            }
            guard !stale.isEmpty else { continue }
            try await rewriteStoredExports(of: session)
            repaired += stale.count
        }
        if repaired > 0 {
            logger.notice("stored exports repaired after an interrupted forget", metadata: ["exports": "\(repaired)"])
        }
        return repaired
    }
}
