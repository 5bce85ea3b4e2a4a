import Foundation
import MinutesCore
import MinutesStorage
import Testing

struct FileExportArchiveTests {
    @Test func writesReplacesReadsAndRemovesFiles() throws {
        let directory = try TemporaryDirectory()
        let archive = try FileExportArchive(directory: directory.file("exports"))

        try archive.write(Data("first".utf8), named: "a.json")
        try archive.write(Data("second".utf8), named: "a.json")

        #expect(try archive.read(named: "a.json") == Data("second".utf8))
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.file("exports"))
        #expect(names == ["a.json"], "no temporary file is left behind")
        try archive.remove(named: "a.json")
        try archive.remove(named: "a.json")
        #expect(!FileManager.default.fileExists(atPath: directory.file("exports/a.json")))
    }

    @Test(arguments: ["../escape.json", "sub/dir.json", ".hidden", ""])
    func refusesNamesThatLeaveTheDirectory(name: String) throws {
        let directory = try TemporaryDirectory()
        let archive = try FileExportArchive(directory: directory.path)

        #expect(throws: MinutesError(.invalidInput, "")) { try archive.write(Data(), named: name) }
    }

    @Test func anUnusableDirectoryIsAClearStorageError() throws {
        let directory = try TemporaryDirectory()
        try Data().write(to: URL(fileURLWithPath: directory.file("plain-file")))

        let error = #expect(throws: MinutesError.self) {
            _ = try FileExportArchive(directory: directory.file("plain-file/exports"))
        }

        #expect(error?.code == .storage)
        #expect(error?.message.contains("plain-file/exports") == true)
    }
}
