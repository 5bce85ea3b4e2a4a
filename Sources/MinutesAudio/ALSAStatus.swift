import CALSA
import MinutesCore

#if canImport(Glibc)
import Glibc
#endif

/// A negative ALSA return code, kept as the `cause` of the ``MinutesError`` it turned into.
///
/// ALSA reports failures as `-errno` values; the messages Minutes shows are written from them
/// here, in one place, so every open, configure and read path names the device the same way.
package struct ALSAStatus: Error, CustomStringConvertible, Equatable {
    /// The negative return code (`-EBUSY`, `-EPIPE`, …).
    package let code: Int32

    package init(_ code: Int32) {
        self.code = code
    }

    /// ALSA's text for the code ("Device or resource busy").
    package var description: String { String(cString: snd_strerror(code)) }

    /// The error for a device that `snd_pcm_open` refused.
    package static func openError(device: String, code: Int32) -> MinutesError {
        let cause = ALSAStatus(code)
        switch -code {
        case EBUSY:
            return MinutesError(
                .conflict,
                "capture device '\(device)' is busy (another program is recording?)",
                cause: cause
            )
        case ENOENT, ENODEV, ENXIO:
            return MinutesError(
                .notFound,
                device == "default"
                    ? "no capture device: 'default' does not open (no sound card? see `minutes devices`)"
                    : "no capture device '\(device)' (see `minutes devices`)",
                cause: cause
            )
        case EACCES, EPERM:
            return MinutesError(
                .invalidInput,
                "no permission to open capture device '\(device)' (is your user in the 'audio' group?)",
                cause: cause
            )
        default:
            return MinutesError(.invalidInput, "cannot open capture device '\(device)'", cause: cause)
        }
    }

    /// The error for a device that failed while capturing: unplugged, powered off or broken.
    package static func deviceLost(device: String, code: Int32) -> MinutesError {
        let cause = ALSAStatus(code)
        switch -code {
        case ENODEV, ENXIO, ESHUTDOWN, EBADFD:
            return MinutesError(.notFound, "capture device '\(device)' disappeared (unplugged?)", cause: cause)
        default:
            return MinutesError(.notFound, "capture device '\(device)' stopped working", cause: cause)
        }
    }
}
