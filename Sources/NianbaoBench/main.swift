import Foundation

// nianbao-bench: release-build throughput benchmarks. `swift run -c release NianbaoBench <what>`.
let args = CommandLine.arguments.dropFirst()
switch args.first {
case "parse": ParseBenchmark.run(seconds: args.dropFirst().first.flatMap(Double.init) ?? 3)
case "html": try await HTMLBenchmark.run(Array(args.dropFirst()))
case "rebuild": try await RebuildBenchmark.run(Array(args.dropFirst()))
case "pdf": try await PDFBenchmark.run(Array(args.dropFirst()))
case "crawl": try await CrawlBenchmark.run(Array(args.dropFirst()))
case "fetch": try await FetchBenchmark.run(Array(args.dropFirst()))
default:
    print("usage: NianbaoBench parse|html|pdf|rebuild|crawl|fetch [options]")
}
