import ArgumentParser
import Foundation
import MinutesAudio
import MinutesCore
import MinutesPipeline

/// `minutes enroll NAME FILE… [--replace]`.
struct EnrollCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enroll",
        abstract: "Remember a person's voice from recordings of them, to name them in later meetings."
    )

    @Argument(help: "The person's name.")
    var name: String

    @Argument(
        help:
            "Recordings of the person speaking, in any format `transcribe` reads (5 seconds of speech or more in all)."
    )
    var files: [String]

    @Flag(help: "Replace the voice of an already enrolled person with this name.")
    var replace = false

    func run() async throws {
        try await CommandContext.run { context in
            let engines = SpeechEngines()
            let enrollment = VoiceEnrollment(detector: try engines.voiceActivity(), embedder: try engines.embedder())
            let recordings = try files.map { try AudioFile.load16kMono($0) }
            let prints = try await enrollment.voicePrints(from: recordings)
            let profile = try await context.orchestrator.enroll(name: name, voicePrints: prints, replace: replace)
            print(
                "Enrolled \(profile.name) (\(profile.id)) from \(prints.count) recording\(prints.count == 1 ? "" : "s")."
            )
        }
    }
}

/// `minutes speakers list|forget NAME`.
struct SpeakersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "speakers",
        abstract: "List or forget enrolled speakers.",
        subcommands: [List.self, Forget.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List enrolled speakers.")

        func run() async throws {
            try await CommandContext.run { context in
                let profiles = try await context.orchestrator.profiles()
                guard !profiles.isEmpty else {
                    print("No enrolled speakers. Enroll one with `minutes enroll NAME FILE…`.")
                    return
                }
                for profile in profiles {
                    let created = profile.createdAt.formatted(.iso8601)
                    print(
                        "\(profile.id)  \(profile.name)  \(profile.voicePrints.count) voice print(s)  enrolled \(created)"
                    )
                }
            }
        }
    }

    struct Forget: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Forget a person: delete their voice print and redact their words in every session and stored export."
        )

        @Argument(help: "The enrolled person's name.")
        var name: String

        func run() async throws {
            try await CommandContext.run { context in
                let count = try await context.orchestrator.forgetProfile(named: name)
                print("Forgot \(name): voice print deleted, \(count) session speaker\(count == 1 ? "" : "s") redacted.")
            }
        }
    }
}
