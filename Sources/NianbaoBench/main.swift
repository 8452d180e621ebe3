import Foundation

// nianbao-bench: release-build throughput benchmarks. `swift run -c release NianbaoBench <what>`.
let args = CommandLine.arguments.dropFirst()
switch args.first {
case "rebuild": try await RebuildBenchmark.run(Array(args.dropFirst()))
case "pdf": try await PDFBenchmark.run(Array(args.dropFirst()))
default:
    print("usage: NianbaoBench parse|html|pdf|rebuild|crawl   (benchmarks land with their issues)")
}
