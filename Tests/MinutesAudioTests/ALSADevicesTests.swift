import MinutesAudio
import Testing

struct ALSADevicesTests {
    @Test(
        arguments: [
            ("default", "Default ALSA Output (currently PipeWire Media Server)", nil, true),
            ("sysdefault:CARD=USB", "USB Audio, USB Audio\nDefault Audio Device", "Input", true),
            ("front:CARD=PCH,DEV=0", "HDA Intel PCH, ALC257 Analog\nFront output / input", nil, true),
            ("hdmi:CARD=PCH,DEV=0", "HDA Intel PCH, HDMI 0\nHDMI Audio Output", "Output", false),
        ] as [(String, String, String?, Bool)]
    )
    func keepsCaptureCapableHints(name: String, description: String, direction: String?, kept: Bool) {
        let device = ALSADevices.device(name: name, description: description, direction: direction)
        #expect((device != nil) == kept)
        #expect(device.map { $0.name == name } ?? true)
    }

    @Test func joinsDescriptionLines() {
        let device = ALSADevices.device(
            name: "sysdefault:CARD=USB",
            description: "USB Audio, USB Audio\n  Default Audio Device ",
            direction: "Input"
        )
        #expect(device?.description == "USB Audio, USB Audio, Default Audio Device")
    }

    @Test func fallsBackToTheNameWithoutADescription() {
        #expect(ALSADevices.device(name: "null", description: nil, direction: nil)?.description == "null")
        #expect(ALSADevices.device(name: nil, description: "x", direction: nil) == nil)
    }

    @Test func listsEachDeviceOnceWithADescription() {
        // Whatever this machine has (maybe no sound card at all): names are unique and described
        let devices = ALSADevices.list()
        #expect(Set(devices.map(\.name)).count == devices.count)
        #expect(devices.allSatisfy { !$0.description.isEmpty && !$0.name.isEmpty })
    }
}
