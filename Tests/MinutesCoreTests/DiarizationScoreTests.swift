import MinutesCore
import Testing

struct DiarizationScoreTests {
    private typealias Turn = RTTM.Turn

    private static func close(_ lhs: Double, _ rhs: Double) -> Bool { abs(lhs - rhs) < 1e-9 }

    private static let meeting = [
        Turn(speaker: "A", start: 0, end: 5),
        Turn(speaker: "B", start: 5, end: 9),
        Turn(speaker: "A", start: 9, end: 12),
        Turn(speaker: "C", start: 10, end: 11),
    ]

    @Test(arguments: [0, 0.25])
    func perfectHypothesisScoresZeroWhateverItsLabels(collar: Double) throws {
        let relabelled = Self.meeting.map { Turn(speaker: "spk_" + $0.speaker, start: $0.start, end: $0.end) }
        let score = try DiarizationScore.measure(reference: Self.meeting, hypothesis: relabelled, collar: collar)
        #expect(score.errorRate == 0 && score.jaccardErrorRate == 0)
        #expect(score.missed == 0 && score.falseAlarm == 0 && score.confusion == 0)
        #expect(score.mapping == ["A": "spk_A", "B": "spk_B", "C": "spk_C"])
        #expect(score.jaccardMapping == score.mapping)
        if collar == 0 { #expect(score.total == 13 && score.correct == 13) }
    }

    @Test func emptyHypothesisMissesEverything() throws {
        let score = try DiarizationScore.measure(reference: Self.meeting, hypothesis: [], collar: 0)
        #expect(score.missed == 13 && score.total == 13 && score.errorRate == 1 && score.missedRate == 1)
        #expect(score.jaccardErrorRate == 1 && score.mapping.isEmpty)
    }

    @Test func speechOutsideTheReferenceIsFalseAlarm() throws {
        let reference = [Turn(speaker: "A", start: 0, end: 10)]
        let hypothesis = [Turn(speaker: "x", start: 0, end: 10), Turn(speaker: "y", start: 12, end: 14)]
        let score = try DiarizationScore.measure(reference: reference, hypothesis: hypothesis, collar: 0)
        #expect(score.falseAlarm == 2 && score.missed == 0 && score.confusion == 0)
        #expect(Self.close(score.errorRate, 0.2) && Self.close(score.falseAlarmRate, 0.2))
        // y has no reference partner: JER only looks at reference speakers.
        #expect(score.jaccardErrorRate == 0)

        let silent = try DiarizationScore.measure(reference: [], hypothesis: hypothesis, collar: 0)
        #expect(silent.falseAlarm == 12 && silent.total == 0)
        #expect(silent.errorRate == 1 && silent.jaccardErrorRate == 1)
        let nothing = try DiarizationScore.measure(reference: [], hypothesis: [])
        #expect(nothing.errorRate == 0 && nothing.jaccardErrorRate == 0)
    }

    @Test func swappedLabelsAreMappedBack() throws {
        let reference = [Turn(speaker: "A", start: 0, end: 4), Turn(speaker: "B", start: 4, end: 8)]
        let hypothesis = [Turn(speaker: "B", start: 0, end: 4), Turn(speaker: "A", start: 4, end: 8)]
        let score = try DiarizationScore.measure(reference: reference, hypothesis: hypothesis, collar: 0)
        #expect(score.errorRate == 0 && score.mapping == ["A": "B", "B": "A"])
    }

    @Test func speakerSplitAcrossTwoClustersIsConfusion() throws {
        let reference = [Turn(speaker: "A", start: 0, end: 10)]
        let hypothesis = [Turn(speaker: "x", start: 0, end: 6), Turn(speaker: "y", start: 6, end: 10)]
        let score = try DiarizationScore.measure(reference: reference, hypothesis: hypothesis, collar: 0)
        #expect(score.mapping == ["A": "x"])
        #expect(Self.close(score.confusion, 4) && score.missed == 0 && score.falseAlarm == 0)
        #expect(Self.close(score.errorRate, 0.4) && Self.close(score.correct, 6))
        // Jaccard(A, x) = 6 / 10.
        #expect(Self.close(score.jaccardErrorRate, 0.4) && score.speakerJaccardErrors == ["A": 0.4])

        // The collar trims 0.25 s at 0 and at 10 only; 6 is a hypothesis boundary, not a reference one.
        let collared = try DiarizationScore.measure(reference: reference, hypothesis: hypothesis)
        #expect(Self.close(collared.total, 9.5) && Self.close(collared.confusion, 3.75))
        #expect(Self.close(collared.errorRate, 3.75 / 9.5))
        #expect(Self.close(collared.jaccardErrorRate, 0.4))
    }

    @Test func overlapCoveredByOneHypothesisSpeakerIsMissed() throws {
        let reference = [Turn(speaker: "A", start: 0, end: 10), Turn(speaker: "B", start: 4, end: 6)]
        let hypothesis = [Turn(speaker: "x", start: 0, end: 10)]
        let score = try DiarizationScore.measure(reference: reference, hypothesis: hypothesis, collar: 0)
        #expect(score.total == 12 && score.missed == 2 && score.confusion == 0 && score.falseAlarm == 0)
        #expect(Self.close(score.errorRate, 2.0 / 12.0))
        #expect(score.mapping == ["A": "x"])
        // A matches x exactly; B has no partner left.
        #expect(score.speakerJaccardErrors == ["A": 0, "B": 1] && score.jaccardErrorRate == 0.5)
    }

    @Test func overlapGivenToTheWrongClusterIsConfusion() throws {
        // y overlaps C for 10 s and B for 2 s, so the mapping gives y to C and B's overlap becomes confusion.
        let reference = [
            Turn(speaker: "A", start: 0, end: 10), Turn(speaker: "B", start: 4, end: 6),
            Turn(speaker: "C", start: 10, end: 20),
        ]
        let hypothesis = [
            Turn(speaker: "x", start: 0, end: 10), Turn(speaker: "y", start: 4, end: 6),
            Turn(speaker: "y", start: 10, end: 20),
        ]
        let score = try DiarizationScore.measure(reference: reference, hypothesis: hypothesis, collar: 0)
        #expect(score.mapping == ["A": "x", "C": "y"])
        #expect(score.total == 22 && score.confusion == 2 && score.missed == 0 && score.falseAlarm == 0)
        #expect(Self.close(score.errorRate, 2.0 / 22.0))
    }

    @Test(arguments: [
        (10.2, 0.0, 0.2), (10.2, 0.25, 0.0), (9.8, 0.0, 0.2), (9.8, 0.25, 0.0), (10.3, 0.25, 0.05),
    ])
    func collarForgivesBoundaryErrors(hypothesisEnd: Double, collar: Double, expectedError: Double) throws {
        let reference = [Turn(speaker: "A", start: 0, end: 10)]
        let hypothesis = [Turn(speaker: "x", start: 0, end: hypothesisEnd)]
        let score = try DiarizationScore.measure(reference: reference, hypothesis: hypothesis, collar: collar)
        let scored = 10 - 2 * collar
        #expect(Self.close(score.total, scored))
        #expect(Self.close(score.missed + score.falseAlarm, expectedError))
        #expect(Self.close(score.errorRate, expectedError / scored))
    }

    @Test func collarsCoverEveryReferenceBoundaryOnBothSides() throws {
        // Reference boundaries at 0, 4, 6 and 10: collars remove [0, 0.5], [3.5, 4.5], [5.5, 6.5] and [9.5, 10.5].
        let reference = [Turn(speaker: "A", start: 0, end: 4), Turn(speaker: "B", start: 6, end: 10)]
        let hypothesis = [Turn(speaker: "x", start: 0, end: 4.4), Turn(speaker: "y", start: 5.6, end: 10)]
        let score = try DiarizationScore.measure(reference: reference, hypothesis: hypothesis, collar: 0.5)
        #expect(Self.close(score.total, 6) && score.errorRate == 0)
        let tight = try DiarizationScore.measure(reference: reference, hypothesis: hypothesis, collar: 0)
        #expect(Self.close(tight.falseAlarm, 0.8) && Self.close(tight.errorRate, 0.1))
    }

    @Test func touchingTurnsOfOneSpeakerEachGetCollars() throws {
        // As md-eval and pyannote do: the boundary at 5 is a reference boundary even though A keeps talking.
        let reference = [Turn(speaker: "A", start: 0, end: 5), Turn(speaker: "A", start: 5, end: 10)]
        let hypothesis = [Turn(speaker: "x", start: 0, end: 10)]
        let score = try DiarizationScore.measure(reference: reference, hypothesis: hypothesis)
        #expect(score.total == 9 && score.errorRate == 0)
    }

    @Test func ownOverlappingTurnsCountOnce() throws {
        let reference = [Turn(speaker: "A", start: 0, end: 6), Turn(speaker: "A", start: 4, end: 10)]
        let hypothesis = [Turn(speaker: "x", start: 0, end: 10), Turn(speaker: "y", start: 3, end: 3)]
        let score = try DiarizationScore.measure(reference: reference, hypothesis: hypothesis, collar: 0)
        #expect(score.total == 10 && score.errorRate == 0 && score.hypothesisSpeakers == 1)
    }

    @Test func poolingWeighsFilesByReferenceTime() throws {
        let reference = [
            "short": [Turn(speaker: "A", start: 0, end: 10)],
            "long": [Turn(speaker: "A", start: 0, end: 20), Turn(speaker: "B", start: 20, end: 30)],
        ]
        let hypothesis = [
            "short": [Turn(speaker: "x", start: 0, end: 5)],
            "long": [Turn(speaker: "x", start: 0, end: 30)],
        ]
        let report = try DiarizationReport.measure(reference: reference, hypothesis: hypothesis, collar: 0)
        let short = try #require(report.files["short"])
        let long = try #require(report.files["long"])
        #expect(Self.close(short.errorRate, 0.5) && Self.close(long.errorRate, 1.0 / 3.0))
        let weighted = (short.errorRate * short.total + long.errorRate * long.total) / (short.total + long.total)
        #expect(Self.close(report.total.errorRate, weighted) && Self.close(report.total.errorRate, 15.0 / 40.0))
        #expect(report.total.total == 40 && report.total.mapping.isEmpty)
        // JER pools over the three reference speakers: 0.5 (short A), 1/3 (long A vs x), 1 (long B).
        #expect(Self.close(report.total.jaccardErrorRate, (0.5 + 1.0 / 3.0 + 1) / 3))
    }

    @Test func recordingsMissingOnOneSideScoreAsSilence() throws {
        let reference = ["a": [Turn(speaker: "A", start: 0, end: 4)]]
        let hypothesis = ["b": [Turn(speaker: "x", start: 0, end: 2)]]
        let report = try DiarizationReport.measure(reference: reference, hypothesis: hypothesis)
        #expect(report.files["a"]?.missedRate == 1 && report.files["b"]?.falseAlarm == 2)
    }

    @Test func rejectsBadInput() {
        let backwards = [Turn(speaker: "A", start: 5, end: 4)]
        let error = #expect(throws: MinutesError.self) {
            try DiarizationReport.measure(reference: ["m1": backwards], hypothesis: [:])
        }
        #expect(error?.code == .invalidInput && error?.message.contains("m1") == true)
        #expect(throws: MinutesError.self) {
            try DiarizationScore.measure(reference: [], hypothesis: [], collar: -1)
        }
        #expect(throws: MinutesError.self) {
            try DiarizationScore.measure(reference: [], hypothesis: [Turn(speaker: "x", start: 0, end: .infinity)])
        }
    }

    @Test func threeHourMeetingScoresItselfPerfectly() throws {
        // 6,000 turns with overlaps among eight speakers; a correctness check at scale, not a timing.
        var generator = SplitMix64(seed: 7)
        var turns: [Turn] = []
        var time = 0.0
        while time < 10_800 {
            let length = 0.3 + Double(generator.next() % 300) / 100
            turns.append(Turn(speaker: "S\(generator.next() % 8)", start: time, end: time + length))
            time += length * 0.8
        }
        let hypothesis = turns.map { Turn(speaker: "h" + $0.speaker, start: $0.start, end: $0.end) }
        let score = try DiarizationScore.measure(reference: turns, hypothesis: hypothesis)
        #expect(turns.count > 5_000 && score.errorRate == 0 && score.mapping.count == 8)
    }
}

extension DiarizationScoreTests {
    /// Nested so that the suite filter `DiarizationScoreTests` runs the mapping's tests too.
    struct Hungarian {
        @Test func solvesAKnownSquareProblem() throws {
            let costs: [[Double]] = [
                [82, 83, 69, 92],
                [77, 37, 49, 92],
                [11, 69, 5, 86],
                [8, 9, 98, 23],
            ]
            let assignment = try HungarianAssignment(minimizing: costs)
            #expect(assignment.columns == [2, 1, 0, 3] && assignment.total == 140)
        }

        @Test func solvesRectangularProblemsBothWays() throws {
            let wide: [[Double]] = [[4, 1, 3], [2, 6, 5]]
            let assignment = try HungarianAssignment(minimizing: wide)
            #expect(assignment.columns == [1, 0] && assignment.total == 3)
            let tall = (0..<3).map { column in wide.map { $0[column] } }
            let transposed = try HungarianAssignment(minimizing: tall)
            #expect(transposed.columns == [1, 0, nil] && transposed.total == 3)
            let best = try HungarianAssignment(maximizing: wide)
            #expect(best.columns == [0, 1] && best.total == 10)
            #expect(try HungarianAssignment(minimizing: []).columns.isEmpty)
            #expect(try HungarianAssignment(minimizing: [[], []]).columns == [nil, nil])
        }

        @Test(arguments: [(3, 3), (4, 6), (6, 4), (5, 5), (1, 5), (7, 2)])
        func matchesBruteForceOnRandomMatrices(rows: Int, columns: Int) throws {
            var generator = SplitMix64(seed: UInt64(rows * 10 + columns))
            for _ in 0..<50 {
                let costs = (0..<rows).map { _ in (0..<columns).map { _ in Double(generator.next() % 20) } }
                let assignment = try HungarianAssignment(minimizing: costs)
                let assigned = assignment.columns.compactMap { $0 }
                #expect(assigned.count == min(rows, columns) && Set(assigned).count == assigned.count)
                #expect(assignment.total == Self.bruteForceMinimum(costs))
            }
        }

        @Test func rejectsRaggedAndNonFiniteMatrices() {
            #expect(throws: MinutesError.self) { try HungarianAssignment(minimizing: [[1, 2], [3]]) }
            #expect(throws: MinutesError.self) { try HungarianAssignment(maximizing: [[1, .nan]]) }
        }

        /// Tries every injective assignment of the smaller side into the larger.
        private static func bruteForceMinimum(_ costs: [[Double]]) -> Double {
            let rows = costs.count
            let columns = costs[0].count
            func search(_ row: Int, _ used: Set<Int>) -> Double {
                guard row < rows else { return 0 }
                var best = Double.infinity
                // When rows outnumber columns, a row may also stay unassigned.
                if rows - row > columns - used.count { best = search(row + 1, used) }
                for column in 0..<columns where !used.contains(column) {
                    best = min(best, costs[row][column] + search(row + 1, used.union([column])))
                }
                return best
            }
            return search(0, [])
        }
    }

}
