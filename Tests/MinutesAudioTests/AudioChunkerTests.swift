import MinutesAudio
import MinutesCore
import Testing

struct AudioChunkerTests {
    @Test func cutsABufferIntoFullChunksAndAShortLastOne() throws {
        let samples = (0..<4_000).map { Float($0) }
        let chunks = try AudioChunker.chunks(of: samples)
        #expect(chunks.map(\.samples.count) == [1_600, 1_600, 800])
        #expect(chunks.map(\.startFrame) == [0, 1_600, 3_200])
        #expect(chunks.allSatisfy { $0.sampleRate == 16_000 })
        #expect(chunks.flatMap(\.samples) == samples)
        #expect(chunks[1].startTime == 0.1)
    }

    @Test(arguments: [[1, 1_599, 3_000, 7, 0, 1_600, 2], [1_600, 1_600], [5_000], [799, 801, 1]])
    func givesTheSameChunksWhateverTheBlockSizes(_ blockSizes: [Int]) throws {
        // Given a stream arriving in blocks
        let total = blockSizes.reduce(0, +)
        let samples = (0..<total).map { Float($0) }
        var chunker = try AudioChunker(chunkFrames: 1_600, sampleRate: 16_000)
        var chunks: [AudioChunk] = []
        var start = 0
        for size in blockSizes {
            chunks += chunker.append(Array(samples[start..<start + size]))
            start += size
        }
        if let last = chunker.finish() {
            chunks.append(last)
        }

        // Then the chunks are those of the whole buffer, each starting where the last ended
        #expect(chunks == (try AudioChunker.chunks(of: samples)))
        for (index, chunk) in chunks.enumerated() {
            #expect(chunk.startFrame == Int64(index * 1_600))
            #expect(chunk.samples.first == Float(index * 1_600))
        }
        #expect(chunker.finish() == nil)
    }

    @Test func startsAtTheGivenFrame() throws {
        var chunker = try AudioChunker(chunkFrames: 4, sampleRate: 8_000, startFrame: 100)
        let chunks = chunker.append([1, 2, 3, 4, 5, 6])
        #expect(chunks == [AudioChunk(samples: [1, 2, 3, 4], startFrame: 100, sampleRate: 8_000)])
        #expect(chunker.pendingFrameCount == 2)
        #expect(chunker.nextStartFrame == 104)
        #expect(chunker.finish() == AudioChunk(samples: [5, 6], startFrame: 104, sampleRate: 8_000))
    }

    @Test func emitsNothingForAnEmptyStream() throws {
        var chunker = try AudioChunker()
        #expect(chunker.append([]).isEmpty)
        #expect(chunker.finish() == nil)
    }

    @Test(arguments: [(0, 16_000), (-1, 16_000), (1_600, 0)])
    func refusesImpossibleSizes(_ chunkFrames: Int, _ sampleRate: Int) {
        #expect(throws: MinutesError(.invalidInput, "")) {
            try AudioChunker(chunkFrames: chunkFrames, sampleRate: sampleRate)
        }
    }
}
