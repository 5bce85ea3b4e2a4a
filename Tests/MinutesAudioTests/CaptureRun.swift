import MinutesAudio
import MinutesCore

/// Runs capture sources in tests: a device over a file, or a replay.
enum CaptureRun {
    /// Runs `source` and gathers every chunk it delivers until its stream ends.
    ///
    /// - Parameters:
    ///   - yieldsPerChunk: how often the reader yields after each chunk, to be a slow one.
    ///   - meanwhile: what the test does to the source while it runs (pause and resume it,
    ///     say); the chunks are gathered until the stream ends after it returns.
    static func collect(
        _ source: any CaptureSource,
        yieldsPerChunk: Int = 0,
        meanwhile: () async -> Void = {}
    ) async -> [AudioChunk] {
        await withTaskGroup(of: [AudioChunk].self) { group in
            group.addTask {
                await source.run()
                return []
            }
            group.addTask {
                var chunks: [AudioChunk] = []
                for await chunk in source.chunks {
                    chunks.append(chunk)
                    for _ in 0..<yieldsPerChunk {
                        await Task.yield()
                    }
                }
                return chunks
            }
            await meanwhile()
            var all: [AudioChunk] = []
            for await result in group {
                all += result
            }
            return all
        }
    }
}
