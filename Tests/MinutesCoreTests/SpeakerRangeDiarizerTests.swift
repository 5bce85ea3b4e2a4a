import MinutesCore
import Synchronization
import Testing

struct SpeakerRangeDiarizerTests {
    /// Finds `freeCount` voices when left alone, or as many as it is told; remembers each call.
    final class CountingDiarizer: Diarizer {
        let freeCount: Int
        let calls = Mutex<[Int?]>([])

        init(freeCount: Int) { self.freeCount = freeCount }

        func diarize(_ samples: [Float], speakerCount: Int?) async throws -> [SpeakerTurn] {
            calls.withLock { $0.append(speakerCount) }
            let count = speakerCount ?? freeCount
            return (0..<count).map { SpeakerTurn(speaker: "\($0)", start: Double($0), end: Double($0) + 1) }
        }
    }

    @Test(arguments: [
        (free: 1, range: 2...4, calls: [nil, 2], found: 2),
        (free: 6, range: 2...4, calls: [nil, 4], found: 4),
        (free: 3, range: 2...4, calls: [nil], found: 3),
        (free: 0, range: 2...4, calls: [nil], found: 0),
    ])
    func aCountOutsideTheBoundsIsDiarizedAgainAtTheNearestBound(
        free: Int,
        range: ClosedRange<Int>,
        calls: [Int?],
        found: Int
    ) async throws {
        let base = CountingDiarizer(freeCount: free)
        let turns = try await SpeakerRangeDiarizer(base: base, range: range).diarize([], speakerCount: nil)
        #expect(Set(turns.map(\.speaker)).count == found)
        #expect(base.calls.withLock { $0 } == calls)
    }

    @Test func aGivenCountIsPassedThrough() async throws {
        let base = CountingDiarizer(freeCount: 1)
        _ = try await SpeakerRangeDiarizer(base: base, range: 2...4).diarize([], speakerCount: 7)
        #expect(base.calls.withLock { $0 } == [7])
    }
}
