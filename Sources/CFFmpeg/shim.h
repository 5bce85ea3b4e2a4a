// FFmpeg's demuxers, decoders and resampler (Debian's libavformat-dev, libavcodec-dev,
// libswresample-dev, libavutil-dev; FFmpeg 5.1 on Debian 12), for recordings that are not WAV.
#ifndef MINUTES_CFFMPEG_SHIM_H
#define MINUTES_CFFMPEG_SHIM_H
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/channel_layout.h>
#include <libavutil/error.h>
#include <libavutil/log.h>
#include <libavutil/opt.h>
#include <libswresample/swresample.h>

// FFmpeg's error codes are macros Swift cannot import.
static inline int minutes_averror_eagain(void) { return AVERROR(EAGAIN); }
static inline int minutes_averror_eof(void) { return AVERROR_EOF; }
#endif
