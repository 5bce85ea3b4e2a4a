import COnnxRuntime
import Foundation
import MinutesCore

/// One ONNX model loaded into ONNX Runtime, run with one float tensor in and one out.
///
/// sherpa-onnx wraps the speaker models in whole pipelines whose inner results (the
/// segmentation model's frames, the window step) stay hidden; the pipelines that need
/// them run the model here instead. Not thread-safe: callers serialize runs.
final class OnnxModel {
    /// A float tensor: its values in row-major order and its shape.
    struct Tensor {
        var values: [Float]
        var shape: [Int]
    }

    private let environment: OpaquePointer
    private let session: OpaquePointer
    private let memory: OpaquePointer
    private let inputName: String
    private let outputName: String

    /// Loads `path`, whose graph reads `input` and writes `output`.
    /// - Throws: `.notFound` for a missing file, `.unavailable` when ONNX Runtime is too old
    ///   or cannot load the model.
    init(path: String, input: String, output: String, threads: Int) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            throw MinutesError(.notFound, "model not found at \(path): run `make models`")
        }
        guard minutes_ort_api() != nil else {
            throw MinutesError(
                .unavailable,
                "ONNX Runtime \(String(cString: minutes_ort_version())) is older than 1.13, which Minutes needs"
            )
        }
        var environment: OpaquePointer?
        try Self.check(minutes_ort_create_env("minutes", &environment), doing: "start ONNX Runtime")
        var options: OpaquePointer?
        var session: OpaquePointer?
        var memory: OpaquePointer?
        do {
            try Self.check(minutes_ort_create_session_options(&options), doing: "configure ONNX Runtime")
            defer { minutes_ort_release_session_options(options) }
            try Self.check(minutes_ort_set_intra_op_threads(options, Int32(threads)), doing: "set threads")
            try Self.check(minutes_ort_set_inter_op_threads(options, 1), doing: "set threads")
            try Self.check(minutes_ort_create_session(environment, path, options, &session), doing: "load \(path)")
            try Self.check(minutes_ort_create_cpu_memory_info(&memory), doing: "describe memory")
        } catch {
            if let session { minutes_ort_release_session(session) }
            minutes_ort_release_env(environment)
            throw error
        }
        guard let environment, let session, let memory else {
            throw MinutesError(.unavailable, "ONNX Runtime returned no session for \(path)")
        }
        self.environment = environment
        self.session = session
        self.memory = memory
        inputName = input
        outputName = output
    }

    deinit {
        minutes_ort_release_memory_info(memory)
        minutes_ort_release_session(session)
        minutes_ort_release_env(environment)
    }

    /// Runs the model on `input` and copies its output out of ONNX Runtime's memory.
    ///
    /// The input tensor wraps `input`'s own storage, so it is created, run and released while
    /// that storage is pinned; ONNX Runtime only reads it.
    func run(_ input: Tensor) throws -> Tensor {
        let shape = input.shape.map { Int64($0) }
        return try input.values.withUnsafeBufferPointer { buffer in
            var inputValue: OpaquePointer?
            try Self.check(
                minutes_ort_create_float_tensor(
                    memory,
                    UnsafeMutablePointer(mutating: buffer.baseAddress),
                    buffer.count,
                    shape,
                    shape.count,
                    &inputValue
                ),
                doing: "pass the audio to ONNX Runtime"
            )
            defer { minutes_ort_release_value(inputValue) }
            var outputValue: OpaquePointer?
            try inputName.withCString { inputName in
                try outputName.withCString { outputName in
                    var inputNames: [UnsafePointer<CChar>?] = [inputName]
                    var outputNames: [UnsafePointer<CChar>?] = [outputName]
                    var inputs: [OpaquePointer?] = [inputValue]
                    try Self.check(
                        minutes_ort_run(session, &inputNames, &inputs, 1, &outputNames, 1, &outputValue),
                        doing: "run the model"
                    )
                }
            }
            defer { minutes_ort_release_value(outputValue) }
            return try Self.copy(outputValue)
        }
    }

    private static func copy(_ value: OpaquePointer?) throws -> Tensor {
        var info: OpaquePointer?
        try check(minutes_ort_tensor_shape(value, &info), doing: "read the output's shape")
        defer { minutes_ort_release_tensor_shape(info) }
        var rank = 0
        try check(minutes_ort_dimensions_count(info, &rank), doing: "read the output's shape")
        var dimensions = [Int64](repeating: 0, count: rank)
        try check(minutes_ort_dimensions(info, &dimensions, rank), doing: "read the output's shape")
        var data: UnsafeMutableRawPointer?
        try check(minutes_ort_tensor_data(value, &data), doing: "read the output")
        let count = dimensions.reduce(1) { $0 * Int($1) }
        guard let data, count >= 0 else { throw MinutesError(.unavailable, "ONNX Runtime returned no output") }
        let values = Array(UnsafeBufferPointer(start: data.assumingMemoryBound(to: Float.self), count: count))
        return Tensor(values: values, shape: dimensions.map { Int($0) })
    }

    /// Turns a failed status into an error naming what was being done, and frees it.
    private static func check(_ status: OpaquePointer?, doing what: String) throws {
        guard let status else { return }
        let message = String(cString: minutes_ort_error_message(status))
        minutes_ort_release_status(status)
        throw MinutesError(.unavailable, "ONNX Runtime could not \(what): \(message)")
    }
}
