import CALSA
import MinutesCore

/// What a capture device and Minutes agreed on: rate, channels, encoding and buffering.
///
/// Minutes takes what the device offers instead of forcing one format through ALSA's `plug`
/// conversions: it converts to mono float and resamples to 16 kHz itself, with a better filter
/// than ALSA's default resampler. Preferences, in order: 16 kHz if the device has it (no
/// resampling at all), otherwise the rate nearest 48 kHz; mono, otherwise the fewest channels;
/// S16, S32, then float samples.
public struct ALSAStreamParameters: Sendable, Equatable, CustomStringConvertible {
    public var sampleRate: Int
    public var channelCount: Int
    public var sampleFormat: ALSASampleFormat
    /// Frames per period: how much the capture thread reads per wake-up.
    public var periodFrames: Int
    /// Frames the device buffers before it overruns.
    public var bufferFrames: Int

    public var description: String {
        "\(sampleRate) Hz, \(channelCount) ch, \(sampleFormat), period \(periodFrames), buffer \(bufferFrames) frames"
    }

    /// Bytes in one interleaved frame.
    var bytesPerFrame: Int { channelCount * sampleFormat.bytesPerSample }

    /// The most channels Minutes mixes down; more is a misconfigured device, not a microphone.
    static let maximumChannels = 64

    /// Negotiates and applies hardware parameters on an open, unconfigured PCM.
    ///
    /// - Throws: `MinutesError(.invalidInput)` naming `device` and what it offers when it has none
    ///   of the formats, or not the requested rate, or the parameters cannot be applied.
    static func negotiate(
        pcm: OpaquePointer,
        device: String,
        configuration: ALSACaptureConfiguration
    ) throws -> ALSAStreamParameters {
        var allocated: OpaquePointer?
        guard snd_pcm_hw_params_malloc(&allocated) >= 0, let hw = allocated else {
            throw MinutesError(.invalidInput, "cannot configure capture device '\(device)': out of memory")
        }
        defer { snd_pcm_hw_params_free(hw) }

        var status = snd_pcm_hw_params_any(pcm, hw)
        guard status >= 0 else {
            throw MinutesError(
                .invalidInput,
                "cannot read what capture device '\(device)' offers",
                cause: ALSAStatus(status)
            )
        }
        status = snd_pcm_hw_params_set_access(pcm, hw, SND_PCM_ACCESS_RW_INTERLEAVED)
        guard status >= 0 else {
            throw MinutesError(
                .invalidInput,
                "capture device '\(device)' does not offer interleaved reads",
                cause: ALSAStatus(status)
            )
        }

        let format = try chooseFormat(pcm: pcm, hw: hw, device: device, requested: configuration.sampleFormat)
        status = snd_pcm_hw_params_set_format(pcm, hw, format.alsaFormat)
        guard status >= 0 else {
            throw MinutesError(
                .invalidInput,
                "capture device '\(device)' refused \(format) samples",
                cause: ALSAStatus(status)
            )
        }

        var channels: UInt32 = 1
        if let requested = configuration.channelCount {
            guard requested >= 1, requested <= maximumChannels,
                snd_pcm_hw_params_set_channels(pcm, hw, UInt32(requested)) >= 0
            else {
                var low: UInt32 = 0
                var high: UInt32 = 0
                _ = snd_pcm_hw_params_get_channels_min(hw, &low)
                _ = snd_pcm_hw_params_get_channels_max(hw, &high)
                throw MinutesError(
                    .invalidInput,
                    "capture device '\(device)' does not offer \(requested) channels (it offers \(low)–\(high))"
                )
            }
            channels = UInt32(requested)
        } else {
            status = snd_pcm_hw_params_set_channels_near(pcm, hw, &channels)
        }
        guard status >= 0, channels >= 1, channels <= maximumChannels else {
            throw MinutesError(
                .invalidInput,
                "capture device '\(device)' offers no usable channel count (\(channels) channels)",
                cause: ALSAStatus(status)
            )
        }

        // Only the device's own rates: Minutes' resampler is better than ALSA's linear one.
        _ = snd_pcm_hw_params_set_rate_resample(pcm, hw, 0)
        let rate = try chooseRate(pcm: pcm, hw: hw, device: device, requested: configuration.sampleRate)

        var periodTime = UInt32(clamping: configuration.periodDuration.microseconds)
        var bufferTime = UInt32(clamping: configuration.bufferDuration.microseconds)
        var direction: Int32 = 0
        // Best effort: a device that cannot meet them keeps its own sizes, read back below.
        _ = snd_pcm_hw_params_set_period_time_near(pcm, hw, &periodTime, &direction)
        _ = snd_pcm_hw_params_set_buffer_time_near(pcm, hw, &bufferTime, &direction)

        status = snd_pcm_hw_params(pcm, hw)
        guard status >= 0 else {
            throw MinutesError(
                .invalidInput,
                "cannot configure capture device '\(device)' for \(rate) Hz \(format) \(channels)-channel capture",
                cause: ALSAStatus(status)
            )
        }
        var periodFrames: snd_pcm_uframes_t = 0
        var bufferFrames: snd_pcm_uframes_t = 0
        _ = snd_pcm_hw_params_get_period_size(hw, &periodFrames, &direction)
        _ = snd_pcm_hw_params_get_buffer_size(hw, &bufferFrames)
        let fallbackPeriod = max(1, rate / 20)
        return ALSAStreamParameters(
            sampleRate: rate,
            channelCount: Int(channels),
            sampleFormat: format,
            periodFrames: periodFrames > 0 ? Int(periodFrames) : fallbackPeriod,
            bufferFrames: Int(bufferFrames)
        )
    }

    private static func chooseFormat(
        pcm: OpaquePointer,
        hw: OpaquePointer,
        device: String,
        requested: ALSASampleFormat?
    ) throws -> ALSASampleFormat {
        let candidates = requested.map { [$0] } ?? ALSASampleFormat.preferenceOrder
        if let format = candidates.first(where: { snd_pcm_hw_params_test_format(pcm, hw, $0.alsaFormat) == 0 }) {
            return format
        }
        var offered: [String] = []
        for value in 0...Int32(SND_PCM_FORMAT_LAST.rawValue) {
            let format = snd_pcm_format_t(rawValue: value)
            if snd_pcm_hw_params_test_format(pcm, hw, format) == 0, let name = snd_pcm_format_name(format) {
                offered.append(String(cString: name))
            }
        }
        let wanted = candidates.map(\.rawValue).joined(separator: ", ")
        let offers = offered.isEmpty ? "nothing Minutes can read" : offered.joined(separator: ", ")
        throw MinutesError(
            .invalidInput,
            "capture device '\(device)' does not offer \(requested == nil ? "any of " : "")\(wanted) samples "
                + "(it offers \(offers))"
        )
    }

    private static func chooseRate(
        pcm: OpaquePointer,
        hw: OpaquePointer,
        device: String,
        requested: Int?
    ) throws -> Int {
        var direction: Int32 = 0
        if let requested {
            guard requested >= 1, requested <= Resampler.maximumRate,
                snd_pcm_hw_params_test_rate(pcm, hw, UInt32(requested), 0) == 0
            else {
                var low: UInt32 = 0
                var high: UInt32 = 0
                _ = snd_pcm_hw_params_get_rate_min(hw, &low, &direction)
                _ = snd_pcm_hw_params_get_rate_max(hw, &high, &direction)
                throw MinutesError(
                    .invalidInput,
                    "capture device '\(device)' does not support a sample rate of \(requested) Hz "
                        + "(it offers \(low)–\(high) Hz)"
                )
            }
            _ = snd_pcm_hw_params_set_rate(pcm, hw, UInt32(requested), 0)
            return requested
        }
        if snd_pcm_hw_params_test_rate(pcm, hw, 16_000, 0) == 0 {
            _ = snd_pcm_hw_params_set_rate(pcm, hw, 16_000, 0)
            return 16_000
        }
        var rate: UInt32 = 48_000
        let status = snd_pcm_hw_params_set_rate_near(pcm, hw, &rate, &direction)
        guard status >= 0, rate >= 1, rate <= Resampler.maximumRate else {
            throw MinutesError(
                .invalidInput,
                "capture device '\(device)' offers no sample rate Minutes can resample (\(rate) Hz)",
                cause: status < 0 ? ALSAStatus(status) : nil
            )
        }
        return Int(rate)
    }
}

extension Duration {
    /// Whole microseconds, as ALSA's `*_time` parameters take them.
    fileprivate var microseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000 + attoseconds / 1_000_000_000_000
    }
}
