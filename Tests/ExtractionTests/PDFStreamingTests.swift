import Foundation
import Synchronization
import Testing
import NianbaoCore
import TestSupport
@testable import Extraction

/// pdftotext's output is read while pdftotext runs: swift-subprocess hands over pieces of
/// whatever size the pipe gives, and a row may be cut anywhere, even inside a UTF-8 character.
/// The text layer must not depend on where the cuts fall.
@Suite struct PDFStreamingTests {
    static let huaian = Fixtures.shared.appendingPathComponent("samples/huaian-city-2024.pdf")

    static func tsv(_ file: URL) async throws -> [UInt8] {
        try await PDFExtractor().pdftotextOutput(["-tsv", "-enc", "UTF-8", file.path, "-"])
    }

    static func layer(_ tsv: [UInt8], chunk: Int) -> PDFTextLayer {
        var builder = PDFTextLayerBuilder()
        var start = 0
        while start < tsv.count {
            let end = min(start + chunk, tsv.count)
            tsv[start..<end].withUnsafeBytes { builder.feed($0) }
            start = end
        }
        return builder.finish()
    }

    @Test(arguments: [1, 2, 3, 7, 100, 4096, 65536])
    func cutsAnywhereGiveTheSameTextLayer(chunk: Int) async throws {
        let bytes = try await Self.tsv(Self.huaian)
        let whole = PDFTSVReader.pages(from: bytes)
        // The 淮安 report has 6 pages, all with text.
        #expect(whole.map(\.number) == [1, 2, 3, 4, 5, 6])
        #expect(whole.allSatisfy { !$0.words.isEmpty })

        var reader = PDFTSVReader()
        var pages: [PDFPage] = []
        var start = 0
        while start < bytes.count {
            let end = min(start + chunk, bytes.count)
            let done = bytes[start..<end].withUnsafeBytes { reader.feed($0) }
            // A page is handed out once, only after the next page has started.
            #expect(done.allSatisfy { p in !pages.contains { $0.number == p.number } })
            pages += done
            start = end
        }
        pages += reader.finish()
        #expect(pages.map(\.number) == whole.map(\.number))
        for (a, b) in zip(pages, whole) {
            #expect(a.words == b.words, "page \(a.number)")
            #expect(a.width == b.width && a.height == b.height)
        }

        let layer = Self.layer(bytes, chunk: chunk)
        let reference = PDFLineBuilder.lines(of: whole)
        #expect(layer.lines.map(\.text) == reference.map(\.text))
        #expect(layer.lines.map(\.y0) == reference.map(\.y0))
        #expect(layer.pages.map(\.words) == whole.map(\.words.count))
    }

    @Test func aLastRowWithoutNewlineIsRead() {
        let tsv = "level\tpage_num\tpar_num\tblock_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
            + "1\t1\t0\t0\t0\t0\t0.000000\t0.000000\t595.000000\t842.000000\t-1\t###PAGE###\n"
            + "5\t1\t0\t0\t0\t0\t90.000000\t100.500000\t42.000000\t10.500000\t100\t政府信息\n"
            + "5\t1\t0\t0\t0\t1\t140.000000\t100.500000\t21.000000\t10.500000\t100\t3119"
        let pages = PDFTSVReader.pages(from: Array(tsv.utf8))
        #expect(pages.count == 1)
        #expect(pages.first?.words.map(\.text) == ["政府信息", "3119"])
        #expect(pages.first?.words.last?.x1 == 161.0)
        #expect(pages.first?.words.last?.y1 == 111.0)
    }

    /// The streamed record of the 淮安 report is the record of the whole output: the hand-written
    /// key is checked cell by cell in PDFHuaianGridTests through the streaming path; here the two
    /// paths must agree on every block.
    @Test func streamedAndWholeOutputGiveTheSameDocument() async throws {
        let streamed = try await PDFExtractor().extract(file: Self.huaian, sourceName: "huaian-city-2024.pdf")
        let whole = try PDFExtractor().document(tsv: try await Self.tsv(Self.huaian), sourceName: "huaian-city-2024.pdf")
        #expect(streamed.blocks == whole.blocks)
        #expect(streamed.metadata.title == whole.metadata.title)
        #expect(streamed.metadata.title?.hasPrefix("淮安市人民政府") == true)
        // Tables 二 (four stacked blocks in one region or several), 三 and 四 at least.
        #expect(streamed.blocks.filter { $0.kind == .table }.count >= 3)
    }
}

/// The runner for pdftotext and soffice: swift-subprocess, an argv, a time limit, an output cap.
@Suite struct ExternalToolTests {
    @Test func outputPastTheCapKillsTheProgram() async throws {
        // `yes` prints forever: the cap, not the 20 s limit, must end it.
        let t0 = ContinuousClock.now
        await #expect(throws: ExternalTool.Failure.self) {
            _ = try await ExternalTool(program: "yes", timeout: .seconds(20), outputLimit: 100_000).run([])
        }
        #expect(ContinuousClock.now - t0 < .seconds(15))   // the cap, not the 20 s limit, ended it
        do {
            _ = try await ExternalTool(program: "yes", timeout: .seconds(20), outputLimit: 100_000).run([])
        } catch let failure as ExternalTool.Failure {
            guard case .outputTooLarge(let n) = failure else { Issue.record("got \(failure)"); return }
            #expect(n == 100_000)
        }
    }

    /// Causal, not timed: the program prints a line, then waits (up to 20 s) for a flag file that
    /// only the consumer of that line creates, then prints a second line. Delivered at exit only,
    /// the first line would come too late and the program would print "timeout".
    @Test func outputArrivesWhileTheProgramRuns() async throws {
        let flag = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-stream-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: flag) }
        let received = Received()
        let script = """
            echo first
            i=0
            while [ ! -e '\(flag.path)' ] && [ $i -lt 200 ]; do sleep 0.1; i=$((i+1)); done
            if [ -e '\(flag.path)' ]; then echo second; else echo timeout; fi
            """
        let out = try await ExternalTool(program: "sh", timeout: .seconds(60), outputLimit: 1 << 20)
            .stream(["-c", script]) { piece in
                if received.append(piece) == 1 { FileManager.default.createFile(atPath: flag.path, contents: nil) }
            }
        #expect(out.succeeded)
        #expect(out.stdout.isEmpty)   // streamed, not collected
        #expect(String(decoding: received.bytes, as: UTF8.self) == "first\nsecond\n")
    }

    @Test func collectsStdoutAndStderrAndStatus() async throws {
        let out = try await ExternalTool(program: "sh", timeout: .seconds(20), outputLimit: 1 << 20)
            .run(["-c", "printf '\\344\\270\\200\\n3119'; echo oops >&2; exit 3"])
        #expect(out.stdout == Array("一\n3119".utf8))
        #expect(out.stderr == "oops\n")
        #expect(!out.succeeded)
        #expect("\(out.status)".contains("3"))
    }

    @Test func aProgramNotOnPathIsNotFound() async throws {
        do {
            _ = try await ExternalTool(program: "nianbao-no-such-tool", timeout: .seconds(5), outputLimit: 10).run([])
            Issue.record("ran a program that does not exist")
        } catch let failure as ExternalTool.Failure {
            guard case .notFound(let name) = failure else { Issue.record("got \(failure)"); return }
            #expect(name == "nianbao-no-such-tool")
        }
    }

    @Test func aBareNameResolvesToTheFirstPathEntry() {
        let sh = ExternalTool.which("sh")
        #expect(sh == "/usr/bin/sh" || sh == "/bin/sh")
        #expect(ExternalTool.which("nianbao-no-such-tool") == nil)
    }
}

/// The pieces a stream handed over, and how many there were.
final class Received: Sendable {
    private let state = Mutex<([UInt8], Int)>(([], 0))
    /// Adds a piece; returns how many pieces have arrived, this one included.
    func append(_ piece: UnsafeRawBufferPointer) -> Int {
        state.withLock { $0.0.append(contentsOf: piece); $0.1 += 1; return $0.1 }
    }
    var bytes: [UInt8] { state.withLock { $0.0 } }
}
