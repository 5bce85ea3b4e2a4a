// espeak-ng's classic synthesis API (Debian: libespeak-ng-dev).
#ifndef MINUTES_CESPEAKNG_SHIM_H
#define MINUTES_CESPEAKNG_SHIM_H
#include <espeak-ng/speak_lib.h>
#endif
