import CMalloc

/// How the process's C heap gives memory back, for long meetings on small machines.
///
/// glibc raises its mmap threshold each time a large block is freed (up to 32 MB), after which
/// blocks of that size come from per-thread arenas, which keep freed memory for reuse. The
/// live pipeline allocates audio windows, features and model outputs of every size on several
/// threads (Swift's pool, Dispatch, ONNX Runtime, whisper.cpp), so those arenas only grew over
/// a meeting. Fixing the threshold keeps large blocks in their own mappings, returned to the
/// system when freed: 24 MB less at the peak of a 10-minute live replay (BENCHMARKS.md).
/// Trimming the arenas after every utterance (`malloc_trim`) changed nothing
/// measurable, so it is not done.
public enum ProcessHeap {
    /// Blocks of this size or more are mapped on their own and unmapped when freed.
    static let mappedBlockBytes: Int32 = 128 * 1024

    /// Fixes the thresholds; call once, before the engines load.
    public static func configure() {
        _ = mallopt(M_MMAP_THRESHOLD, mappedBlockBytes)
        _ = mallopt(M_TRIM_THRESHOLD, mappedBlockBytes)
    }
}
