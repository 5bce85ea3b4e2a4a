import CALSA
import MinutesCore

/// An ALSA configuration tree parsed from text, deleted in `deinit`.
///
/// `snd_pcm_open_lconf` opens a PCM from such a tree instead of the system's `alsa.conf`. Tests
/// use it to define a `type file` PCM that plays a raw file into the real capture path, with
/// no sound card; it also lets a user describe a device in ALSA's own syntax. The PCM keeps the
/// tree alive for as long as it is open.
final class ALSAConfig {
    /// The `snd_config_t` root.
    let handle: OpaquePointer

    /// Parses `text`, written in ALSA's configuration syntax (`pcm.name { type file … }`).
    ///
    /// - Throws: `MinutesError(.invalidInput)` when the text does not parse.
    init(text: String) throws {
        var root: OpaquePointer?
        var status = snd_config_top(&root)
        guard status >= 0, let root else {
            throw MinutesError(.invalidInput, "cannot create an ALSA configuration", cause: ALSAStatus(status))
        }
        var input: OpaquePointer?
        let bytes = Array(text.utf8)
        status = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                // The input copies the buffer, so it may go once the input is open.
                snd_input_buffer_open(&input, chars.baseAddress, chars.count)
            }
        }
        guard status >= 0, let input else {
            snd_config_delete(root)
            throw MinutesError(.invalidInput, "cannot read the ALSA configuration", cause: ALSAStatus(status))
        }
        status = snd_config_load(root, input)
        snd_input_close(input)
        guard status >= 0 else {
            snd_config_delete(root)
            throw MinutesError(.invalidInput, "the ALSA configuration does not parse", cause: ALSAStatus(status))
        }
        handle = root
    }

    deinit {
        snd_config_delete(handle)
    }
}
