import CALSA

#if canImport(Glibc)
import Glibc
#endif

/// Lists the capture devices ALSA knows, for `minutes devices`.
///
/// Two sources, because each misses what the other shows: ALSA's name hints (`aplay -L`) give
/// the configured PCMs such as `default`, `pipewire` or `sysdefault:CARD=…`, and the sound cards
/// themselves (`arecord -l`) give every hardware capture device, listed here as
/// `plughw:CARD=…,DEV=…` so ALSA converts whatever format it needs.
public enum ALSADevices {
    /// The capture-capable PCMs, in ALSA's order, then hardware capture devices not named yet.
    ///
    /// Never throws: a machine without sound cards simply lists fewer (or no) devices.
    public static func list() -> [ALSADevice] {
        _ = minutes_alsa_silence_errors()
        var devices = hintedDevices()
        for device in hardwareDevices() where !devices.contains(where: { $0.name == device.name }) {
            devices.append(device)
        }
        return devices
    }

    /// The device a name hint describes, or nil when it is playback-only or has no name.
    ///
    /// - Parameters:
    ///   - name: The hint's `NAME`.
    ///   - description: The hint's `DESC`, whose lines are joined with ", ".
    ///   - direction: The hint's `IOID`: nil for both directions, `Input` or `Output`.
    package static func device(name: String?, description: String?, direction: String?) -> ALSADevice? {
        guard let name, !name.isEmpty, direction != "Output" else { return nil }
        let lines = (description ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingSpaces() }
        let text = lines.filter { !$0.isEmpty }.joined(separator: ", ")
        return ALSADevice(name: name, description: text.isEmpty ? name : text)
    }

    private static func hintedDevices() -> [ALSADevice] {
        var hints: UnsafeMutablePointer<UnsafeMutableRawPointer?>?
        guard snd_device_name_hint(-1, "pcm", &hints) >= 0, let hints else { return [] }
        defer { snd_device_name_free_hint(hints) }
        var devices: [ALSADevice] = []
        var index = 0
        while let hint = hints[index] {
            index += 1
            let device = device(
                name: takeString(snd_device_name_get_hint(hint, "NAME")),
                description: takeString(snd_device_name_get_hint(hint, "DESC")),
                direction: takeString(snd_device_name_get_hint(hint, "IOID"))
            )
            if let device {
                devices.append(device)
            }
        }
        return devices
    }

    /// Every sound card's capture devices, probed through the card's control interface.
    private static func hardwareDevices() -> [ALSADevice] {
        var devices: [ALSADevice] = []
        var card: Int32 = -1
        while snd_card_next(&card) >= 0, card >= 0 {
            devices += captureDevices(onCard: card)
        }
        return devices
    }

    private static func captureDevices(onCard card: Int32) -> [ALSADevice] {
        var opened: OpaquePointer?
        guard snd_ctl_open(&opened, "hw:\(card)", 0) >= 0, let control = opened else { return [] }
        defer { snd_ctl_close(control) }
        var cardInfo: OpaquePointer?
        var pcmInfo: OpaquePointer?
        guard snd_ctl_card_info_malloc(&cardInfo) >= 0, let cardInfo else { return [] }
        defer { snd_ctl_card_info_free(cardInfo) }
        guard snd_pcm_info_malloc(&pcmInfo) >= 0, let pcmInfo else { return [] }
        defer { snd_pcm_info_free(pcmInfo) }
        guard snd_ctl_card_info(control, cardInfo) >= 0 else { return [] }
        let cardID = String(cString: snd_ctl_card_info_get_id(cardInfo))
        let cardName = String(cString: snd_ctl_card_info_get_name(cardInfo))

        var devices: [ALSADevice] = []
        var device: Int32 = -1
        while snd_ctl_pcm_next_device(control, &device) >= 0, device >= 0 {
            snd_pcm_info_set_device(pcmInfo, UInt32(device))
            snd_pcm_info_set_subdevice(pcmInfo, 0)
            snd_pcm_info_set_stream(pcmInfo, SND_PCM_STREAM_CAPTURE)
            guard snd_ctl_pcm_info(control, pcmInfo) >= 0 else { continue }
            let pcmName = String(cString: snd_pcm_info_get_name(pcmInfo))
            devices.append(
                ALSADevice(
                    name: "plughw:CARD=\(cardID),DEV=\(device)",
                    description: "\(cardName), \(pcmName) (card \(card), device \(device))"
                )
            )
        }
        return devices
    }

    /// Copies and frees a string ALSA allocated with `malloc`.
    private static func takeString(_ pointer: UnsafeMutablePointer<CChar>?) -> String? {
        guard let pointer else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
