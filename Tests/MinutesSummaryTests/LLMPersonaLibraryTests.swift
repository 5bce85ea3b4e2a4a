import Foundation
import MinutesCore
import MinutesSummary
import Testing

struct LLMPersonaLibraryTests {
    @Test func theShippedPersonasAllParse() throws {
        let library = try LLMFixtures.personas()

        #expect(
            library.names == [
                "board", "general", "incident-review", "interview", "one-on-one", "planning", "sales", "standup",
            ]
        )
        for persona in library.personas.values {
            #expect(!persona.version.isEmpty)
            #expect(!persona.summary.isEmpty, "\(persona.name) needs a description")
            #expect(persona.prompt.count > 800, "\(persona.name)'s prompt looks too thin")
            #expect(!persona.prompt.contains("version:"))
        }
    }

    @Test(arguments: [
        ("standup", "standup"), ("Stand-up", "standup"), ("daily", "standup"), ("One on one", "one-on-one"),
        ("1:1", "one-on-one"), ("one_on_one", "one-on-one"), ("postmortem", "incident-review"),
        ("SALES CALL", "sales"), ("general", "general"),
    ])
    func namesAndAliasesFindTheirPersona(asked: String, expected: String) throws {
        #expect(try LLMFixtures.personas().persona(named: asked).name == expected)
    }

    @Test func theUsersDirectoryOverridesAndAdds() throws {
        // Given a user directory with its own standup and a new persona
        let user = try LLMTemporaryDirectory()
        try "version: 7\n\nOur own stand-up prompt.\n".write(
            toFile: user.path + "/standup.txt",
            atomically: true,
            encoding: .utf8
        )
        try "version: 1\ntitle: Design review\n\nReview designs.\n".write(
            toFile: user.path + "/Design Review.txt",
            atomically: true,
            encoding: .utf8
        )

        // When both directories are read, the user's last
        let library = try PersonaLibrary(directories: [
            LLMFixtures.personasDirectory, user.path, user.path + "/missing",
        ])

        // Then the user's files win and add to the shipped ones
        let standup = try library.persona(named: "standup")
        #expect(standup.version == "7")
        #expect(standup.prompt == "Our own stand-up prompt.")
        #expect(try library.persona(named: "design review").title == "Design review")
        #expect(library.names.count == 9)
    }

    @Test(arguments: [
        ("title: No version\n\nPrompt.", "has no `version:` line"),
        ("version: 1\n\n   \n", "has no prompt"),
        ("version: 1\nthis line has no colon\n\nPrompt.", "line 2: header lines look like"),
    ])
    func malformedFilesNameTheFile(text: String, message: String) throws {
        let directory = try LLMTemporaryDirectory()
        try text.write(toFile: directory.path + "/broken.txt", atomically: true, encoding: .utf8)

        let error = #expect(throws: MinutesError.self) {
            try PersonaLibrary(directories: [directory.path])
        }

        #expect(error?.code == .invalidInput)
        #expect(error?.message.contains("broken.txt") == true)
        #expect(error?.message.contains(message) == true)
    }

    @Test func anEmptyLibrarySaysNoPersonasWereFound() {
        let error = #expect(throws: MinutesError.self) {
            try PersonaLibrary(personas: []).persona(named: "standup")
        }
        #expect(error?.message.contains("no persona files were found") == true)
    }

    @Test func theStandardDirectoriesAreTheShippedThenTheUsers() throws {
        let repository = URL(fileURLWithPath: LLMFixtures.personasDirectory).deletingLastPathComponent()
        let executable = repository.appendingPathComponent(".build/debug/minutes")

        let found = PersonaLibrary.standardDirectories(
            environment: ["XDG_CONFIG_HOME": "/tmp/config", "HOME": "/home/ada"],
            executableURL: executable
        )
        #expect(found == [LLMFixtures.personasDirectory, "/tmp/config/minutes/personas"])

        let explicit = PersonaLibrary.standardDirectories(
            environment: ["MINUTES_PERSONAS_DIR": "/srv/personas", "HOME": "/home/ada"],
            executableURL: executable
        )
        #expect(explicit == ["/srv/personas", "/home/ada/.config/minutes/personas"])
    }
}

/// A directory under the system temp dir, removed when the test is done with it.
final class LLMTemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "minutes-llm-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
