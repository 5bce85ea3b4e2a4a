import Foundation

extension Summary {
    /// The summary as pretty, key-sorted snake_case JSON, the manifest's own encoding.
    public func jsonText() -> String {
        let data = (try? ExportManifest.encoder.encode(self)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
