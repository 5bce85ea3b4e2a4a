import Foundation
import MinutesCore

/// The personas a session may be summarized with, read from `*.txt` files in a list of directories.
///
/// Directories are read in order and a later file replaces an earlier one of the same name, so the
/// user's `$XDG_CONFIG_HOME/minutes/personas/standup.txt` overrides the shipped `Personas/standup.txt`
/// and a new file there adds a persona. ``standardDirectories(environment:executableURL:)`` gives
/// the usual list. Directories that do not exist are skipped: most people never create the user one.
public struct PersonaLibrary: Sendable {
    /// The persona every session starts with.
    public static let defaultPersona = "general"

    /// Every persona by name.
    public private(set) var personas: [String: Persona]

    /// A library of exactly `personas`, for tests and embedding.
    public init(personas: [Persona]) {
        var byName: [String: Persona] = [:]
        for persona in personas {
            byName[persona.name] = persona
        }
        self.personas = byName
    }

    /// Reads every `*.txt` file in `directories`, later directories overriding earlier ones.
    ///
    /// - Throws: ``MinutesError`` `.invalidInput` for a persona file that cannot be read or parsed
    ///   (see ``Persona/init(parsing:name:path:)``), naming the file.
    public init(directories: [String]) throws {
        var byName: [String: Persona] = [:]
        let files = FileManager.default
        for directory in directories {
            var isDirectory: ObjCBool = false
            guard files.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                continue
            }
            let entries: [String]
            do {
                entries = try files.contentsOfDirectory(atPath: directory)
            } catch {
                throw MinutesError(.invalidInput, "cannot list the persona directory \(directory)", cause: error)
            }
            for entry in entries.sorted() where entry.hasSuffix(".txt") && !entry.hasPrefix(".") {
                let name = Persona.normalizedName(String(entry.dropLast(4)))
                guard !name.isEmpty else { continue }
                let path = directory + "/" + entry
                let text: String
                do {
                    text = try String(contentsOfFile: path, encoding: .utf8)
                } catch {
                    throw MinutesError(
                        .invalidInput,
                        "cannot read the persona file \(path) as UTF-8 text",
                        cause: error
                    )
                }
                byName[name] = try Persona(parsing: text, name: name, path: path)
            }
        }
        self.personas = byName
    }

    /// The names of all personas, sorted.
    public var names: [String] { personas.keys.sorted() }

    /// The persona called `name` or one of its aliases, however it is capitalised or spaced.
    ///
    /// - Throws: ``MinutesError`` `.invalidInput` "unknown persona 'x'; known: a, b, c" when there is none.
    public func persona(named name: String) throws -> Persona {
        let wanted = Persona.normalizedName(name)
        if let persona = personas[wanted] { return persona }
        if let persona = personas.values.sorted(by: { $0.name < $1.name }).first(where: { $0.aliases.contains(wanted) })
        {
            return persona
        }
        let shown = name.count > 40 ? name.prefix(40) + "…" : Substring(name)
        guard !personas.isEmpty else {
            throw MinutesError(
                .invalidInput,
                "unknown persona '\(shown)'; no persona files were found (see Personas/ or MINUTES_PERSONAS_DIR)"
            )
        }
        throw MinutesError(.invalidInput, "unknown persona '\(shown)'; known: \(names.joined(separator: ", "))")
    }

    /// Where personas are read from, lowest priority first.
    ///
    /// 1. The shipped personas: `MINUTES_PERSONAS_DIR` when set; otherwise the first `Personas/` or
    ///    `share/minutes/personas/` found in the executable's directory or one of its ancestors, which
    ///    finds the repository's `Personas/` from `.build/debug/minutes` and
    ///    `/usr/local/share/minutes/personas` from `/usr/local/bin/minutes`.
    /// 2. The user's: `$XDG_CONFIG_HOME/minutes/personas`, or `~/.config/minutes/personas`.
    ///
    /// - Parameters:
    ///   - environment: the process environment.
    ///   - executableURL: the running executable; `nil` skips the search next to it.
    public static func standardDirectories(
        environment: [String: String],
        executableURL: URL? = Bundle.main.executableURL
    ) -> [String] {
        func value(_ name: String) -> String? {
            guard let raw = environment[name], !raw.isEmpty else { return nil }
            return raw
        }
        var directories: [String] = []
        if let explicit = value("MINUTES_PERSONAS_DIR") {
            directories.append(explicit)
        } else if let shipped = shippedDirectory(near: executableURL) {
            directories.append(shipped)
        }
        let home = value("HOME") ?? NSHomeDirectory()
        let configHome = value("XDG_CONFIG_HOME") ?? home + "/.config"
        directories.append(configHome + "/minutes/personas")
        return directories
    }

    private static func shippedDirectory(near executableURL: URL?) -> String? {
        guard let executableURL else { return nil }
        var directory = executableURL.resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            for candidate in ["Personas", "share/minutes/personas"] {
                let path = directory.appendingPathComponent(candidate).path
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                    return path
                }
            }
            let parent = directory.deletingLastPathComponent()
            guard parent.path != directory.path else { break }
            directory = parent
        }
        return nil
    }
}
