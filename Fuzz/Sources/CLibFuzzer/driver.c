// Nothing to compile: the target exists for its header (libFuzzer's LLVMFuzzerRunDriver).
#include "libfuzzer_driver.h"
