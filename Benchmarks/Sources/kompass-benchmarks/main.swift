import Foundation
import KompassCore

// kompass-benchmarks import FILE FORMAT
//   Streams FILE through the importer of FORMAT (csv, json, jsonl, xml, page-text) with the format's
//   canonical mapping and the normaliser, and prints one line: records, complete projects (a page
//   text's projects are never complete here: their identifiers come from the register), bytes, wall and CPU seconds, MB/s and the peak
//   resident memory of this process (VmHWM), as tab-separated key=value pairs.

func peakResidentMegabytes() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first ?? -1
        return kilobytes / 1024
    }
    return -1
}

func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}

let arguments = CommandLine.arguments
guard arguments.count == 4, arguments[1] == "import", let format = SourceFormat(rawValue: arguments[3]) else {
    FileHandle.standardError.write(Data("usage: kompass-benchmarks import FILE csv|json|jsonl|xml|page-text\n".utf8))
    exit(2)
}
let path = arguments[2]
let bytes = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.doubleValue ?? 0
let mapping = format.canonicalMapping
let request = ImportRequest(path: path, fields: mapping.usedSourceFields, options: format.canonicalOptions)
let normaliser = Normaliser(mapping: mapping)
var records = 0
var projects = 0
var findings = 0
let start = Date()
let cpuStart = cpuSeconds()
let importer: any RecordImporter = switch format {
case .csv: CSVImporter()
case .json: JSONImporter()
case .jsonl: JSONImporter(lines: true)
case .xml: XMLImporter()
case .pageText: PageTextImporter()
}
let sourceFindings = try importer.read(request) { record in
    let (draft, recordFindings) = normaliser.draft(record)
    records += 1
    if draft.project != nil { projects += 1 }
    findings += recordFindings.count
}
let wall = Date().timeIntervalSince(start)
let cpu = cpuSeconds() - cpuStart
print("format=\(format.rawValue)\trecords=\(records)\tcomplete_projects=\(projects)\tfindings=\(findings + sourceFindings.count)\tmegabytes=\(String(format: "%.1f", bytes / 1e6))"
    + "\twall_s=\(String(format: "%.3f", wall))\tcpu_s=\(String(format: "%.3f", cpu))"
    + "\tmb_per_s=\(String(format: "%.1f", bytes / 1e6 / wall))\tpeak_rss_mb=\(String(format: "%.1f", peakResidentMegabytes()))")
