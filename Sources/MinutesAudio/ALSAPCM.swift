import CALSA
import MinutesCore
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// An open ALSA capture PCM, closed by ``close()`` or at the latest in `deinit`.
///
/// The handle lives in a `Mutex`, which makes the wrapper `Sendable` without `@unchecked`: it is
/// opened and configured on the caller's thread, then used by the capture thread alone, so the
/// lock is never contended; it only orders those hand-overs and guards against a use after close.
/// Every method returns ALSA's status code unchanged (negative `-errno` on failure) and returns
/// `-EBADFD` once the PCM is closed, which the capture loop treats like a vanished device.
final class ALSAPCM: Sendable {
    /// The PCM name, for messages.
    let name: String
    private let state: Mutex<Handle>

    private struct Handle {
        var pcm: OpaquePointer?
        /// The configuration the PCM was opened from, kept alive as long as the PCM.
        var config: ALSAConfig?
    }

    /// Opens `name` for capture, from the system configuration or from `configuration`.
    ///
    /// The PCM is opened non-blocking: the capture thread waits with a timeout in
    /// `snd_pcm_wait`, so it notices a stop or pause request even when the device is silent.
    ///
    /// - Parameters:
    ///   - name: The PCM name (`default`, `plughw:1,0`, or a PCM defined in `configuration`).
    ///   - configuration: ALSA configuration text to open `name` from instead of `alsa.conf`.
    /// - Throws: `MinutesError` naming the device: `.conflict` when it is busy, `.notFound` when
    ///   there is no such device, `.invalidInput` otherwise.
    init(name: String, configuration: String? = nil) throws {
        _ = minutes_alsa_silence_errors()
        let config = try configuration.map { try ALSAConfig(text: $0) }
        var pcm: OpaquePointer?
        let status: Int32
        if let config {
            status = snd_pcm_open_lconf(&pcm, name, SND_PCM_STREAM_CAPTURE, SND_PCM_NONBLOCK, config.handle)
        } else {
            status = snd_pcm_open(&pcm, name, SND_PCM_STREAM_CAPTURE, SND_PCM_NONBLOCK)
        }
        guard status >= 0, let pcm else {
            throw ALSAStatus.openError(device: name, code: status < 0 ? status : -ENODEV)
        }
        self.name = name
        state = Mutex(Handle(pcm: pcm, config: config))
    }

    deinit {
        close()
    }

    /// Negotiates and applies the hardware parameters (see ``ALSAStreamParameters``).
    func configure(_ configuration: ALSACaptureConfiguration) throws -> ALSAStreamParameters {
        try state.withLock { handle in
            guard let pcm = handle.pcm else {
                throw MinutesError(.invalidInput, "capture device '\(name)' is already closed")
            }
            return try ALSAStreamParameters.negotiate(pcm: pcm, device: name, configuration: configuration)
        }
    }

    /// Starts capturing (`snd_pcm_start`) on a prepared PCM.
    func start() -> Int32 { call { snd_pcm_start($0) } }

    /// Makes a stopped or overrun PCM ready to start again (`snd_pcm_prepare`).
    func prepare() -> Int32 { call { snd_pcm_prepare($0) } }

    /// Stops capturing and discards what the device buffered (`snd_pcm_drop`).
    func drop() -> Int32 { call { snd_pcm_drop($0) } }

    /// Wakes a suspended PCM (`snd_pcm_resume`); `-EAGAIN` means not yet.
    func resumeFromSuspend() -> Int32 { call { snd_pcm_resume($0) } }

    /// Waits up to `milliseconds` for a period to be ready: 1 ready, 0 timed out, negative error.
    func wait(milliseconds: Int32) -> Int32 { call { snd_pcm_wait($0, milliseconds) } }

    /// Reads up to `frames` interleaved frames into `buffer`.
    ///
    /// - Returns: Frames read, `-EAGAIN` when none are ready, or another negative error.
    func read(into buffer: UnsafeMutableRawPointer, frames: Int) -> Int {
        // The address crosses into the lock as a plain integer: the buffer belongs to the
        // calling thread, and region checking would otherwise tie it to the guarded handle.
        let address = UInt(bitPattern: buffer)
        return state.withLock { handle in
            guard let pcm = handle.pcm else { return -Int(EBADFD) }
            return snd_pcm_readi(pcm, UnsafeMutableRawPointer(bitPattern: address), snd_pcm_uframes_t(frames))
        }
    }

    /// Closes the PCM; later calls return `-EBADFD`.
    func close() {
        state.withLock { handle in
            if let pcm = handle.pcm {
                snd_pcm_close(pcm)
            }
            handle.pcm = nil
            handle.config = nil
        }
    }

    /// Whether ``close()`` has run.
    var isClosed: Bool { state.withLock { $0.pcm == nil } }

    private func call(_ body: (OpaquePointer) -> Int32) -> Int32 {
        state.withLock { handle in
            guard let pcm = handle.pcm else { return -EBADFD }
            return body(pcm)
        }
    }
}
