// whisper.cpp's C API, installed by scripts/native/provision-whisper (pkg-config: whisper).
#ifndef MINUTES_CWHISPER_SHIM_H
#define MINUTES_CWHISPER_SHIM_H
#include <whisper.h>
#endif
