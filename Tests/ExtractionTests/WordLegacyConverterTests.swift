import Foundation
import Testing
import NianbaoCore
import TestSupport
@testable import Extraction

@Suite struct WordLegacyConverterTests {
    @Test func withoutLibreOfficeSaysSo() async {
        let converter = LegacyWordConverter(sofficePath: "/nonexistent/soffice")
        #expect(!converter.isAvailable)
        do {
            _ = try await converter.convertToDocx(file: Fixtures.fixture("docx/seed-002.doc"), sourceName: "old/seed-002.doc")
            Issue.record("expected an error")
        } catch let e as ExtractionError {
            #expect(e.source == "old/seed-002.doc")
            #expect(e.reason == "needs LibreOffice (soffice) to read .doc/.wps")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    /// A LibreOffice that hangs (a stand-in launcher whose child waits a minute, as soffice.bin
    /// runs under soffice) is stopped at the time limit with its child, and its temporary work
    /// directory is removed.
    @Test func aHangingLibreOfficeIsStoppedAndCleanedUp() async throws {
        let pidFile = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-pids-\(UUID().uuidString)")
        let script = try StandInProgram.stalling(pidFile: pidFile, name: "soffice")
        defer { try? FileManager.default.removeItem(at: script); try? FileManager.default.removeItem(at: pidFile) }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-root-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        do {
            _ = try await LegacyWordConverter(timeout: .seconds(5), sofficePath: script.path, temporaryRoot: root)
                .convertToDocx(file: Fixtures.fixture("docx/seed-002.doc"), sourceName: "old/seed-002.doc")
            Issue.record("expected an error")
        } catch let e as ExtractionError {
            #expect(e.source == "old/seed-002.doc")
            #expect(e.reason == "LibreOffice ran past its time limit of 5.0 seconds and was stopped")
        }
        let pids = StandInProgram.pids(in: pidFile)
        #expect(pids.count == 2)
        #expect(await StandInProgram.stillRunning(pids) == [])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == [])   // the work directory is gone
    }

    /// Runs only where LibreOffice is installed (it is not part of Scripts/setup.sh); elsewhere
    /// the test says so and checks nothing.
    @Test(.enabled(if: LegacyWordConverter().isAvailable, "soffice is not installed"))
    func convertsDocWhenLibreOfficeIsInstalled() async throws {
        let converter = LegacyWordConverter()
        let docx = try await converter.convertToDocx(file: Fixtures.fixture("docx/seed-002.doc"), sourceName: "seed-002.doc")
        defer { converter.cleanUp(convertedDocx: docx) }
        // One file in the temporary directory; the work directory (LibreOffice profile) is already gone.
        #expect(docx.lastPathComponent.hasPrefix("nianbao-converted-") && docx.pathExtension == "docx")
        #expect(docx.deletingLastPathComponent().standardizedFileURL.path == FileManager.default.temporaryDirectory.standardizedFileURL.path)
        let doc = try DocxExtractor().extract(file: docx, sourceName: "seed-002.doc")
        let grid = try #require(GridProbe.table(doc, containing: "本年新收"))
        let rows = GridProbe.valueRows(grid, width: 7)
        #expect(rows.map { $0.values.map(GridProbe.number) } == SeedTables.t3("002"))
    }
}
