// parcheck's libFuzzer harnesses: one binary, the harness chosen by PARCHECK_FUZZ_TARGET (see Harness.swift).
// Built only by scripts/fuzz.sh with -sanitize=fuzzer,address; libFuzzer flags and corpus dirs pass through.
import FuzzDriver
import Glibc

guard let name = getenv("PARCHECK_FUZZ_TARGET").map({ String(cString: $0) }), let harness = Harness.named(name) else {
    fputs("set PARCHECK_FUZZ_TARGET to one of: \(Harness.all.map(\.name).joined(separator: " "))\n", stderr)
    exit(2)
}
Harness.current = harness
harness.setUp()
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
    Harness.current?.run(UnsafeRawBufferPointer(start: data, count: size))
    return 0
})
