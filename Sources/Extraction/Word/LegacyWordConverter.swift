import Foundation

/// Converts a legacy Word (.doc) or WPS (.wps) file to .docx with LibreOffice, so DocxExtractor
/// can read it. LibreOffice is optional (about 280 MB installed, so Scripts/setup.sh does not
/// install it): without `soffice` on PATH the converter throws an ``ExtractionError`` whose reason
/// says "needs LibreOffice (soffice) to read .doc/.wps".
///
/// soffice runs headless with an argv (never a shell), a private throw-away profile and a time
/// limit, inside a temporary directory that is removed before returning. The caller owns the
/// returned .docx (one file in the temporary directory) and removes it when done.
public struct LegacyWordConverter: Sendable {
    public static let missingReason = "needs LibreOffice (soffice) to read .doc/.wps"

    public let timeout: Duration
    public let sofficePath: String
    /// Where the work directory and the converted file go (the system's temporary directory).
    public let temporaryRoot: URL

    /// - Parameters:
    ///   - timeout: how long soffice may run (its first start in a fresh profile takes a few seconds).
    ///   - sofficePath: the program, by name on PATH or by absolute path.
    ///   - temporaryRoot: where the work directory and the converted file go.
    public init(timeout: Duration = .seconds(120), sofficePath: String = "soffice",
                temporaryRoot: URL = FileManager.default.temporaryDirectory) {
        self.timeout = timeout
        self.sofficePath = sofficePath
        self.temporaryRoot = temporaryRoot
    }

    /// True when soffice can be found.
    public var isAvailable: Bool {
        ExternalTool.resolve(sofficePath) != nil
    }

    /// Converts `file` to a .docx and returns its URL (a single temporary file).
    public func convertToDocx(file: URL, sourceName: String) async throws -> URL {
        func fail(_ reason: String) -> ExtractionError { ExtractionError(source: sourceName, reason: reason) }
        guard isAvailable else { throw fail(Self.missingReason) }
        guard FileManager.default.isReadableFile(atPath: file.path) else { throw fail("cannot read file") }
        let dir = temporaryRoot.appendingPathComponent("nianbao-soffice-\(UUID().uuidString)")
        defer { cleanUp(dir) }   // the profile, the copy and soffice's output; the result is moved out first
        let outDir = dir.appendingPathComponent("out")
        do {
            try FileManager.default.createDirectory(at: outDir, withIntermediateDirectories: true)
        } catch {
            throw fail("cannot create a temporary directory: \(error.localizedDescription)")
        }
        // Copy under a plain name: soffice derives the output name from the input name.
        let ext = file.pathExtension.lowercased() == "wps" ? "wps" : "doc"
        let input = dir.appendingPathComponent("input.\(ext)")
        do {
            try FileManager.default.copyItem(at: file, to: input)
        } catch {
            throw fail("cannot copy to a temporary directory: \(error.localizedDescription)")
        }
        let tool = ExternalTool(program: sofficePath, timeout: timeout, outputLimit: 1 << 20, ownProcessGroup: true)
        let args = ["-env:UserInstallation=file://\(dir.path)/profile", "--headless", "--norestore",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", outDir.path, input.path]
        let out: ExternalTool.Output
        do {
            out = try await tool.run(args, workingDirectory: dir)
        } catch let failure as ExternalTool.Failure {
            throw fail(failure.reason(tool: "LibreOffice", missing: Self.missingReason))
        }
        let produced = outDir.appendingPathComponent("input.docx")
        guard out.succeeded, FileManager.default.fileExists(atPath: produced.path) else {
            let msg = out.stderr.split(separator: "\n").last.map(String.init) ?? ""
            throw fail("LibreOffice could not convert the file (\(out.status))" + (msg.isEmpty ? "" : ": \(msg)"))
        }
        // Hand back a single file outside the work directory, which goes when this returns.
        let result = temporaryRoot.appendingPathComponent("nianbao-converted-\(UUID().uuidString).docx")
        do {
            try FileManager.default.moveItem(at: produced, to: result)
        } catch {
            throw fail("cannot move the converted file: \(error.localizedDescription)")
        }
        return result
    }

    /// Removes a file returned by ``convertToDocx(file:sourceName:)`` (removing it yourself is the same).
    public func cleanUp(convertedDocx: URL) {
        guard convertedDocx.lastPathComponent.hasPrefix("nianbao-converted-") else { return }
        try? FileManager.default.removeItem(at: convertedDocx)
    }

    func cleanUp(_ dir: URL) {
        guard dir.lastPathComponent.hasPrefix("nianbao-soffice-") else { return }
        try? FileManager.default.removeItem(at: dir)
    }
}
