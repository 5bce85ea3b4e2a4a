import Foundation
import MinutesCore
import MinutesSpeech
import Testing

struct VocabularyFileTests {
    private func file(_ data: Data) throws -> String {
        let path = NSTemporaryDirectory() + "minutes-vocabulary-\(UUID().uuidString).txt"
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func oneTermPerLineWithoutBlanksOrComments() throws {
        let path = try file(Data("# our products\nKubernetes\n\n  Grafana Loki  \r\nTerraform\n".utf8))
        #expect(try VocabularyFile.read(path) == ["Kubernetes", "Grafana Loki", "Terraform"])
        #expect(try VocabularyFile.read(try file(Data())) == [])
    }

    @Test func aMissingHugeOrNonUTF8FileIsAClearError() throws {
        #expect { try VocabularyFile.read("/no/such/vocabulary.txt") } throws: {
            ($0 as? MinutesError)?.code == .notFound
        }
        let huge = try file(Data(repeating: UInt8(ascii: "a"), count: VocabularyFile.largestSize + 1))
        #expect { try VocabularyFile.read(huge) } throws: {
            ($0 as? MinutesError)?.message.contains("at most 1 MiB") == true
        }
        let latin1 = try file(Data([0x4E, 0x69, 0x61, 0x6D, 0x68, 0xE9, 0x0A]))
        #expect { try VocabularyFile.read(latin1) } throws: {
            ($0 as? MinutesError)?.message.contains("not UTF-8") == true
        }
    }
}
