#if canImport(Glibc)
import Glibc
#endif

/// The process's peak resident memory, as benchmarks report it.
enum PeakMemory {
    static var megabytes: Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        // Linux reports ru_maxrss in kilobytes.
        return usage.ru_maxrss / 1024
    }
}
