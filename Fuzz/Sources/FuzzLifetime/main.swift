// Runs libFuzzer on `fuzzLifetime` (FuzzLifetime.swift) with the command line's libFuzzer options.
import CFuzzDriver
#if canImport(Glibc)
import Glibc
#endif

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzLifetime))
