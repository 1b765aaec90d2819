// `kompass-fuzz`: sets up the target KOMPASS_FUZZ_TARGET names, then hands over to libFuzzer's driver with the
// command line (libFuzzer's flags, corpus folders or files to run; see Fuzz/README.md).

import CLibFuzzer
#if canImport(Glibc)
import Glibc
#endif

/// The target this process fuzzes; set once, before libFuzzer runs any input.
nonisolated(unsafe) private var target: (any FuzzTarget)?

private func printError(_ message: String) {
    let line = Array((message + "\n").utf8)
    _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
}

let name = getenv("KOMPASS_FUZZ_TARGET").map { String(cString: $0) } ?? ""
guard let kind = TargetKind(rawValue: name) else {
    let known = TargetKind.allCases.map(\.rawValue).joined(separator: ", ")
    printError("kompass-fuzz: set KOMPASS_FUZZ_TARGET to one of: \(known) (it is '\(name)')")
    _exit(2)  // not exit: the leak checker would count the globals of this file as leaks
}
do {
    target = try kind.make(workspace: Workspace.make())
} catch {
    printError("kompass-fuzz: cannot set up the target \(name): \(error)")
    Workspace.removeScratch()
    _exit(2)
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
    target?.run(UnsafeBufferPointer(start: size == 0 ? nil : data, count: size))
    return 0
})
