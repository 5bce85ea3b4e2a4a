import MinutesCore
import Testing

/// Average linkage over voice prints, with same-window pairs counting against joining.
struct VoiceDendrogramTests {
    /// A unit vector near axis `axis` of four, nudged by `jitter` along the next one.
    private static func print(_ axis: Int, _ jitter: Float = 0) -> [Float] {
        var vector: [Float] = [0, 0, 0, 0]
        vector[axis] = 1
        vector[(axis + 1) % 4] = jitter
        return VoicePrint.normalized(vector)
    }

    @Test func printsOfTwoVoicesFormTwoClusters() {
        let prints = [Self.print(0), Self.print(1), Self.print(0, 0.1), Self.print(1, 0.2), Self.print(0, 0.2)]
        let dendrogram = VoiceDendrogram(prints: prints, groups: [0, 1, 2, 3, 4])
        #expect(dendrogram.labels(threshold: 0.5) == [0, 1, 0, 1, 0])
        #expect(dendrogram.merges.count == 4)
        #expect(dendrogram.merges.map(\.similarity) == dendrogram.merges.map(\.similarity).sorted(by: >))
    }

    @Test func aCountCutsTheSameHistory() {
        let prints = [Self.print(0), Self.print(1), Self.print(2), Self.print(0, 0.1), Self.print(1, 0.1)]
        let dendrogram = VoiceDendrogram(prints: prints, groups: [0, 1, 2, 3, 4])
        #expect(dendrogram.labels(clusters: 3) == [0, 1, 2, 0, 1])
        #expect(dendrogram.labels(clusters: 1) == [0, 0, 0, 0, 0])
        #expect(dendrogram.labels(clusters: 9) == [0, 1, 2, 3, 4])
        #expect(dendrogram.labels(threshold: 0.5) == dendrogram.labels(clusters: 3))
    }

    @Test func voicesHeardApartInMostWindowsStayApartEvenWhenTheyAreSimilar() {
        // Two similar voices (cosine 0.8), both heard in each of four windows.
        let near = VoicePrint.normalized([1, 0.75, 0, 0])
        let prints = [Self.print(0), near, Self.print(0), near, Self.print(0), near, Self.print(0), near]
        let groups = [0, 0, 1, 1, 2, 2, 3, 3]
        #expect(Set(VoiceDendrogram(prints: prints, groups: groups).labels(threshold: 0.3)).count == 2)
        // Without the windows they would be one voice.
        #expect(Set(VoiceDendrogram(prints: prints, groups: Array(0..<8)).labels(threshold: 0.3)).count == 1)
    }

    @Test func oneWindowThatSplitOneVoiceDoesNotKeepItApart() {
        // One voice in 40 windows; the segmentation model heard it as two people once.
        var prints: [[Float]] = []
        var groups: [Int] = []
        for window in 0..<40 {
            prints.append(Self.print(0, Float(window % 5) * 0.05))
            groups.append(window)
        }
        prints.append(Self.print(0, 0.3))
        groups.append(0)
        let labels = VoiceDendrogram(prints: prints, groups: groups).labels(threshold: 0.3)
        #expect(Set(labels).count == 1)
    }

    @Test func noPrintsAndOnePrintNeedNoMerges() {
        #expect(VoiceDendrogram(prints: [], groups: []).labels(threshold: 0.3) == [])
        #expect(VoiceDendrogram(prints: [Self.print(2)], groups: [0]).labels(clusters: 2) == [0])
    }
}
