import ArgumentParser
import MinutesAudio

/// `minutes devices`: the capture devices ALSA knows.
struct DevicesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "devices",
        abstract: "List audio capture devices (names for --device)."
    )

    func run() async throws {
        try await CommandContext.report {
            let devices = ALSADevices.list()
            guard !devices.isEmpty else {
                print("No capture devices found. `minutes --replay FILE` replays a recording instead.")
                return
            }
            for device in devices {
                print("\(device.name)\t\(device.description)")
            }
        }
    }
}
