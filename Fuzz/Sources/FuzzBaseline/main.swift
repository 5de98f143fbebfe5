// Runs libFuzzer on `fuzzBaseline` (FuzzBaseline.swift) with the command line's libFuzzer options.
import CFuzzDriver
#if canImport(Glibc)
import Glibc
#endif

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzBaseline))
