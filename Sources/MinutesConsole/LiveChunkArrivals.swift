/// When recent audio was heard: maps a session frame to an instant on the meeting's clock.
///
/// Latency is felt from the moment a person stops talking, which is a time in the audio; the
/// caption appears at an instant on the clock. Each chunk arrives when its last sample was
/// captured, so a frame inside a chunk was heard between the previous chunk's arrival and its
/// own, in proportion. Remembering arrivals lets the meeting map audio time to the clock
/// without knowing how the source paces its audio (a device in real time, a replay at any
/// speed).
public struct LiveChunkArrivals<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    private struct Arrival: Sendable {
        var startFrame: Int64
        var endFrame: Int64
        var instant: Instant
    }

    /// The most arrivals remembered.
    public let capacity: Int
    private var arrivals: [Arrival] = []

    /// - Parameter capacity: Arrivals remembered (600 chunks of 100 ms is a minute).
    public init(capacity: Int = 600) {
        self.capacity = max(1, capacity)
    }

    /// Notes that the audio from `startFrame` up to `endFrame` arrived at `instant`.
    public mutating func record(from startFrame: Int64, to endFrame: Int64, at instant: Instant) {
        arrivals.append(Arrival(startFrame: startFrame, endFrame: endFrame, instant: instant))
        if arrivals.count >= 2 * capacity {
            arrivals.removeFirst(arrivals.count - capacity)
        }
    }

    /// When the audio at `frame` was heard, or nil when it is older than what is remembered
    /// or has not arrived.
    ///
    /// Inside the oldest remembered chunk, whose predecessor is forgotten, it is the chunk's
    /// arrival.
    public func instant(of frame: Int64) -> Instant? {
        // The first chunk that ends after the frame holds it; arrivals are in frame order.
        var low = 0
        var high = arrivals.count
        while low < high {
            let middle = (low + high) / 2
            if arrivals[middle].endFrame > frame {
                high = middle
            } else {
                low = middle + 1
            }
        }
        guard low < arrivals.count, arrivals[low].startFrame <= frame else { return nil }
        let arrival = arrivals[low]
        guard low > 0 else { return arrival.instant }
        let previous = arrivals[low - 1]
        let span = previous.instant.duration(to: arrival.instant)
        let fraction = Double(frame - previous.endFrame) / Double(max(1, arrival.endFrame - previous.endFrame))
        return previous.instant.advanced(by: span * max(0, min(1, fraction)))
    }
}
