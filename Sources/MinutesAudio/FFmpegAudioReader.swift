import CFFmpeg
import MinutesCore

/// Reads the first audio track of any file FFmpeg can demux and decode (MP3, AAC in M4A or
/// MP4, WebM and Matroska, Ogg Vorbis, Opus, FLAC, AIFF, …), mixed to mono 32-bit floats at
/// the track's own rate.
///
/// It decodes packet by packet and keeps only the samples not yet read, so a three-hour
/// recording streams in constant memory as a WAV does. The rate stays the track's: the same
/// ``Resampler`` that converts WAV files converts these, so every format reaches the engines
/// through one path.
public final class FFmpegAudioReader: AudioBlockReader {
    public let path: String
    public let sampleRate: Int
    public let duration: Double?

    private var container: UnsafeMutablePointer<AVFormatContext>?
    private var decoder: UnsafeMutablePointer<AVCodecContext>?
    private var converter: OpaquePointer?
    private let packet: UnsafeMutablePointer<AVPacket>
    private let frame: UnsafeMutablePointer<AVFrame>
    private let streamIndex: Int32
    private var pending: [Float] = []
    private var pendingStart = 0
    private var isDrained = false

    /// Opens `path` and its decoder.
    ///
    /// - Throws: `MinutesError(.invalidInput)` naming the file when FFmpeg cannot read it, it
    ///   has no audio track, or its codec cannot be decoded.
    public init(path: String) throws {
        av_log_set_level(AV_LOG_QUIET)
        var container: UnsafeMutablePointer<AVFormatContext>?
        var decoder: UnsafeMutablePointer<AVCodecContext>?
        var converter: OpaquePointer?
        var packet = av_packet_alloc()
        var frame = av_frame_alloc()
        func fail(_ problem: String, _ status: Int32) -> MinutesError {
            swr_free(&converter)
            avcodec_free_context(&decoder)
            avformat_close_input(&container)
            av_packet_free(&packet)
            av_frame_free(&frame)
            return Self.failure(path, problem, status)
        }
        guard let packet, let frame else { throw fail("could not be read (out of memory)", 0) }

        var status = avformat_open_input(&container, path, nil, nil)
        guard status == 0, let opened = container else { throw fail("is not an audio file FFmpeg can read", status) }
        status = avformat_find_stream_info(opened, nil)
        var codec: UnsafePointer<AVCodec>?
        let index = status < 0 ? status : av_find_best_stream(opened, AVMEDIA_TYPE_AUDIO, -1, -1, &codec, 0)
        guard index >= 0, let codec, let stream = opened.pointee.streams[Int(index)] else {
            throw fail("has no audio track FFmpeg can decode", index)
        }

        decoder = avcodec_alloc_context3(codec)
        status = avcodec_parameters_to_context(decoder, stream.pointee.codecpar)
        if status >= 0 { status = avcodec_open2(decoder, codec, nil) }
        guard status >= 0, let context = decoder, context.pointee.sample_rate > 0 else {
            throw fail("has an audio track FFmpeg cannot decode", status)
        }

        var mono = AVChannelLayout()
        av_channel_layout_default(&mono, 1)
        status = swr_alloc_set_opts2(
            &converter,
            &mono,
            AV_SAMPLE_FMT_FLT,
            context.pointee.sample_rate,
            &context.pointee.ch_layout,
            context.pointee.sample_fmt,
            context.pointee.sample_rate,
            0,
            nil
        )
        if status >= 0 { status = swr_init(converter) }
        guard status >= 0 else { throw fail("has audio FFmpeg cannot mix to mono", status) }

        self.path = path
        self.container = opened
        self.decoder = context
        self.converter = converter
        self.packet = packet
        self.frame = frame
        streamIndex = index
        sampleRate = Int(context.pointee.sample_rate)
        duration = opened.pointee.duration > 0 ? Double(opened.pointee.duration) / Double(AV_TIME_BASE) : nil
    }

    deinit {
        swr_free(&converter)
        avcodec_free_context(&decoder)
        avformat_close_input(&container)
        var packet: UnsafeMutablePointer<AVPacket>? = packet
        av_packet_free(&packet)
        var frame: UnsafeMutablePointer<AVFrame>? = frame
        av_frame_free(&frame)
    }

    public func read(maxFrames: Int) throws -> [Float] {
        guard maxFrames > 0 else {
            throw MinutesError(.invalidInput, "maxFrames must be positive, not \(maxFrames)")
        }
        while pending.count - pendingStart < maxFrames, !isDrained {
            try decodeMore()
        }
        let end = min(pending.count, pendingStart + maxFrames)
        let block = Array(pending[pendingStart..<end])
        pendingStart = end
        if pendingStart > 1 << 16 {
            pending.removeFirst(pendingStart)
            pendingStart = 0
        }
        return block
    }

    /// Feeds the decoder one packet of the audio track (or the end of the file) and keeps
    /// what comes out, converted.
    private func decodeMore() throws {
        let status = av_read_frame(container, packet)
        if status < 0 {
            // The end of the file, or a read error after some audio: flush what is buffered.
            avcodec_send_packet(decoder, nil)
            try receiveFrames()
            try convert(nil, count: 0)
            isDrained = true
            if status != minutes_averror_eof() {
                throw Self.failure(path, "could not be read to its end", status)
            }
            return
        }
        defer { av_packet_unref(packet) }
        guard packet.pointee.stream_index == streamIndex else { return }
        let sent = avcodec_send_packet(decoder, packet)
        // A damaged packet is skipped, as players do; the rest of the file still decodes.
        guard sent >= 0 || sent == minutes_averror_eagain() else { return }
        try receiveFrames()
    }

    private func receiveFrames() throws {
        while avcodec_receive_frame(decoder, frame) >= 0 {
            defer { av_frame_unref(frame) }
            try convert(frame.pointee.extended_data, count: frame.pointee.nb_samples)
        }
    }

    /// Appends `count` input frames from `planes` (nil flushes the converter) to the pending
    /// samples, converted straight into their tail (no buffer per decoded frame).
    private func convert(_ planes: UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>?, count: Int32) throws {
        let capacity = swr_get_out_samples(converter, count)
        guard capacity > 0 else { return }
        let start = pending.count
        pending.append(contentsOf: repeatElement(0, count: Int(capacity)))
        let written = pending.withUnsafeMutableBytes { buffer -> Int32 in
            let tail = buffer.baseAddress.map { $0 + start * MemoryLayout<Float>.stride }
            var plane: UnsafeMutablePointer<UInt8>? = tail?.assumingMemoryBound(to: UInt8.self)
            return withUnsafeMutablePointer(to: &plane) { planesOut in
                guard let planes else { return swr_convert(converter, planesOut, capacity, nil, 0) }
                return planes.withMemoryRebound(to: UnsafePointer<UInt8>?.self, capacity: 1) { input in
                    swr_convert(converter, planesOut, capacity, input, count)
                }
            }
        }
        pending.removeLast(Int(capacity) - Int(max(0, written)))
        guard written >= 0 else { throw Self.failure(path, "could not be converted", written) }
    }

    private static func failure(_ path: String, _ problem: String, _ status: Int32) -> MinutesError {
        var text = [CChar](repeating: 0, count: 128)
        let known = av_strerror(status, &text, text.count) == 0
        let bytes = text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        let reason = known ? String(decoding: bytes, as: UTF8.self) : "error \(status)"
        return MinutesError(.invalidInput, "'\(path)' \(problem) (\(reason))")
    }
}
