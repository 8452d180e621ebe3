import Foundation
import Testing
import NianbaoCore
import TestSupport

/// `nianbao parse` through the built binary on every format it reads, named as portals name
/// them (.shtml, .htm) and misnamed (a PDF saved as .doc, a .docx saved as .html): the format is
/// sniffed from the bytes, and each rendition of seed 002 gives every number of its answer key.
@Suite(.serialized) struct ParseFormatsCLITests {
    static let docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

    /// (fixture, the name it is saved under, the media type the record must give)
    static let renditions: [(String, String, String)] = [
        ("html/002/trs-gbk.html", "report.shtml", "text/html"),
        ("html/002/hanweb.html", "art_1234_5678.htm", "text/html"),
        ("html/002/jiyue-utf8.html", "index.html", "text/html"),
        ("docx/seed-002.docx", "seed-002.docx", docx),
        ("pdf/seed-002.pdf", "seed-002.pdf", "application/pdf"),
        ("pdf/seed-002.pdf", "download.doc", "application/pdf"),
        ("docx/seed-002.docx", "attachment.html", docx),
    ]

    static func copy(_ fixture: String, as name: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-formats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try FileManager.default.copyItem(at: Fixtures.fixture(fixture), to: url)
        return url
    }

    static func expectSeed002(_ r: CLIRunner.Result, file: URL, mediaType: String) throws {
        #expect(r.status == 0, "\(file.lastPathComponent): \(r.stderr)")
        let record = try StableJSON.decode(ReportRecord.self, from: Data(r.stdout.utf8))
        let key = SeedAnswerKeys.key(for: "002")
        #expect(record.agency == key.agency && record.year == key.year, "\(file.lastPathComponent)")
        #expect(record.source.mediaType == mediaType, "\(file.lastPathComponent)")
        #expect(key.cellMismatches(in: record) == [], "\(file.lastPathComponent)")
    }

    @Test(arguments: renditions.indices)
    func everyFormatGivesTheAnswerKey(index: Int) async throws {
        let (fixture, name, mediaType) = Self.renditions[index]
        let url = try Self.copy(fixture, as: name)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        try Self.expectSeed002(try await CLIRunner.run(["parse", url.path]), file: url, mediaType: mediaType)
    }

    /// .doc and .wps go through LibreOffice, where it is installed (it is not part of
    /// Scripts/setup.sh). The .wps is the same Word 97 file under WPS's extension, which is what
    /// WPS Office writes for its .wps-compatible saves; a file saved by Kingsoft WPS itself is not
    /// among the fixtures.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":")
        .contains { FileManager.default.isExecutableFile(atPath: "\($0)/soffice") } == true, "soffice is not installed"),
          arguments: [("seed-002.doc", "application/msword"), ("seed-002.wps", "application/vnd.ms-works")])
    func oldWordAndWPSThroughLibreOffice(name: String, mediaType: String) async throws {
        let url = try Self.copy("docx/seed-002.doc", as: name)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        try Self.expectSeed002(try await CLIRunner.run(["parse", url.path], timeout: 180), file: url, mediaType: mediaType)
    }

    /// Without LibreOffice on PATH, a .doc and a .wps each get the "needs LibreOffice" message
    /// naming the file, exit 1, and the other files on the command line are still parsed.
    @Test func withoutLibreOfficeTheCommandSaysSo() async throws {
        let doc = try Self.copy("docx/seed-002.doc", as: "old.doc")
        let wps = try Self.copy("docx/seed-002.doc", as: "old.wps")
        let emptyPath = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-empty-path-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: emptyPath, withIntermediateDirectories: true)
        defer {
            for u in [doc.deletingLastPathComponent(), wps.deletingLastPathComponent(), emptyPath] { try? FileManager.default.removeItem(at: u) }
        }
        let r = try await CLIRunner.run(["parse", doc.path, Fixtures.fixture("docx/seed-002.docx").path, wps.path],
                                        environment: ["PATH": emptyPath.path])
        #expect(r.status == 1)
        let err = r.stderr.split(separator: "\n").map(String.init)
        #expect(err.count == 2, "\(err)")
        #expect(err.contains { $0.contains(doc.path) && $0.contains("needs LibreOffice (soffice) to read .doc/.wps") })
        #expect(err.contains { $0.contains(wps.path) && $0.contains("needs LibreOffice (soffice) to read .doc/.wps") })
        #expect(r.stdout.split(separator: "\n").count == 1)
        #expect(r.stdout.contains("金水区司法局"))
    }
}
