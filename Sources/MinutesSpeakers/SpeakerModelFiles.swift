import Foundation
import MinutesCore

/// The speaker models in the models directory: CAM++ embeddings and pyannote segmentation,
/// both committed under `Models/` and copied there by setup.
public struct SpeakerModelFiles: Sendable, Equatable {
    public var embedding: String
    public var segmentation: String

    public init(modelsDirectory: String) {
        embedding = modelsDirectory + "/campplus_cn_en_common.onnx"
        segmentation = modelsDirectory + "/segmentation-3.0.onnx"
    }

    /// - Throws: `.notFound` naming the file and `make models` when one is missing.
    public func validate() throws {
        for path in [embedding, segmentation] where !FileManager.default.fileExists(atPath: path) {
            throw MinutesError(.notFound, "speaker model not found at \(path): run `make models`")
        }
    }
}
