import MinutesAudio
import MinutesCore

/// Runs capture sources in tests: a device over a file, or a replay.
enum CaptureRun {
    /// Runs `source` and gathers every chunk it delivers until its stream ends.
    static func collect(_ source: any CaptureSource) async -> [AudioChunk] {
        await withTaskGroup(of: [AudioChunk].self) { group in
            group.addTask {
                await source.run()
                return []
            }
            group.addTask {
                var chunks: [AudioChunk] = []
                for await chunk in source.chunks {
                    chunks.append(chunk)
                }
                return chunks
            }
            var all: [AudioChunk] = []
            for await result in group {
                all += result
            }
            return all
        }
    }
}
