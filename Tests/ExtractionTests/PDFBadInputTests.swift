import Foundation
import Testing
import NianbaoCore
import TestSupport
@testable import Extraction

/// Bad PDFs give an ExtractionError naming the file and the reason; nothing crashes or hangs.
@Suite struct PDFBadInputTests {
    func reason(_ file: String, _ extractor: PDFExtractor = PDFExtractor()) async -> String? {
        let url = file.hasPrefix("/") ? URL(fileURLWithPath: file) : Fixtures.fixture("pdf/\(file)")
        do {
            _ = try await extractor.extract(file: url, sourceName: "reports/\(url.lastPathComponent)")
            return nil
        } catch let e as ExtractionError {
            #expect(e.source == "reports/\(url.lastPathComponent)")
            #expect("\(e)".hasPrefix("reports/\(url.lastPathComponent): "))
            return e.reason
        } catch {
            Issue.record("unexpected error type: \(error)")
            return nil
        }
    }

    @Test func truncated() async {
        let r = await reason("truncated.pdf")
        #expect(r?.contains("damaged or truncated PDF") == true, "\(r ?? "no error")")
    }

    @Test func encrypted() async {
        let r = await reason("encrypted.pdf")
        #expect(r?.hasPrefix("encrypted PDF") == true, "\(r ?? "no error")")
    }

    @Test func notAPDF() async {
        let r = await reason("not-a-pdf.pdf")
        #expect(r == "not a PDF (no %PDF- header in the first 1 KB)")
    }

    @Test func missingFile() async {
        let r = await reason("/nonexistent/nianbao-missing.pdf")
        #expect(r?.hasPrefix("cannot read file") == true)
    }

    @Test func pdftotextMissing() async {
        let r = await reason("seed-000.pdf", PDFExtractor(pdftotextPath: "/nonexistent/pdftotext"))
        #expect(r?.contains("pdftotext not found") == true)
    }

    /// A time limit far below what pdftotext needs for the 6-page 淮安 report (about 18 ms):
    /// the run is stopped and reported, well within a second.
    @Test func timeLimit() async {
        let start = ContinuousClock.now
        let r = await reason(Fixtures.shared.appendingPathComponent("samples/huaian-city-2024.pdf").path,
                             PDFExtractor(timeout: .microseconds(200)))
        #expect(r?.contains("ran past its time limit") == true, "\(r ?? "no error")")
        // Generous bound: in the full parallel `swift test` the 2-thread pool is shared with every suite.
        #expect(ContinuousClock.now - start < .seconds(30))
    }

    /// A pdftotext that stalls (the stand-in becomes a one-minute sleep) is stopped at the time
    /// limit: the error names the file, and the process is gone.
    @Test func aStalledPdftotextIsStopped() async throws {
        let pidFile = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-pids-\(UUID().uuidString)")
        let script = try StandInProgram.stallingAlone(pidFile: pidFile, name: "pdftotext")
        defer { try? FileManager.default.removeItem(at: script); try? FileManager.default.removeItem(at: pidFile) }
        let r = await reason("seed-000.pdf", PDFExtractor(timeout: .seconds(5), pdftotextPath: script.path))
        #expect(r == "pdftotext ran past its time limit of 5.0 seconds and was stopped")
        let pids = StandInProgram.pids(in: pidFile)
        #expect(pids.count == 1)
        #expect(await StandInProgram.stillRunning(pids) == [])
    }

    @Test func pageCap() async throws {
        let url = Fixtures.shared.appendingPathComponent("samples/huaian-city-2024.pdf")
        let doc = try await PDFExtractor(pageCap: 2).extract(file: url, sourceName: "huaian")
        #expect(doc.metadata.pageCount == 2)
        #expect(doc.notes.contains { $0.hasPrefix("page cap of 2 pages reached") })
        #expect(!doc.flattenedText.contains("本年新收"))
        // Exactly as many pages as the cap: all read, nothing said about a cap.
        let whole = try await PDFExtractor(pageCap: 6).extract(file: url, sourceName: "huaian")
        #expect(whole.metadata.pageCount == 6)
        #expect(!whole.notes.contains { $0.contains("page cap") }, "\(whole.notes)")
        let five = try await PDFExtractor(pageCap: 5).extract(file: url, sourceName: "huaian")
        #expect(five.metadata.pageCount == 5)
        #expect(five.notes.contains { $0.hasPrefix("page cap of 5 pages reached") })
    }
}
