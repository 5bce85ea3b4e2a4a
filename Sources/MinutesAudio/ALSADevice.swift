/// A capture device as `minutes devices` lists it: the name `--device` takes, and what it is.
public struct ALSADevice: Sendable, Equatable, CustomStringConvertible {
    /// The ALSA PCM name to pass to `--device` (`default`, `pipewire`, `plughw:CARD=USB,DEV=0`).
    public var name: String
    /// ALSA's description, on one line ("USB Audio, USB Audio Default Audio Device").
    public var description: String

    public init(name: String, description: String) {
        self.name = name
        self.description = description
    }
}
