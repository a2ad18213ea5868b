/* Intentionally empty: FuzzDriver only declares libFuzzer's entry point (see include/FuzzDriver.h). */
#include "FuzzDriver.h"
