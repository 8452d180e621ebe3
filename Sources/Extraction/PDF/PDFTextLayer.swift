import Synchronization

/// What the layout stage needs of a PDF's text layer: a summary of every page and the lines of
/// all pages, stitched into one coordinate space.
struct PDFTextLayer: Sendable {
    struct Page: Sendable {
        var number: Int
        var words: Int
        /// Unicode scalars in the page's words (a scan's stray text layer has almost none).
        var characters: Int
    }

    var pages: [Page] = []
    var lines: [PDFLine] = []
    /// The PDF has more pages than the cap; only the first `cap` were read.
    var passedCap = false
}

/// Builds a ``PDFTextLayer`` from `pdftotext -tsv` output read in pieces: rows are parsed as
/// they arrive, and each page is grouped into lines as soon as it is complete, so this work is
/// done while pdftotext is still reading the later pages.
///
/// pdftotext is asked for one page more than `pageCap`: that page, when it comes, only says the
/// cap was passed and is not read (so a PDF of exactly `pageCap` pages is not reported as cut).
struct PDFTextLayerBuilder: Sendable {
    let pageCap: Int
    private var reader = PDFTSVReader()
    private var stitcher = PDFLineStitcher()
    private var pages: [PDFTextLayer.Page] = []
    private var passedCap = false

    init(pageCap: Int) { self.pageCap = max(pageCap, 1) }

    mutating func feed(_ chunk: UnsafeRawBufferPointer) {
        for page in reader.feed(chunk) { add(page) }
    }

    mutating func finish() -> PDFTextLayer {
        for page in reader.finish() { add(page) }
        return PDFTextLayer(pages: pages, lines: stitcher.lines, passedCap: passedCap)
    }

    private mutating func add(_ page: PDFPage) {
        guard pages.count < pageCap else { passedCap = true; return }
        pages.append(.init(number: page.number, words: page.words.count,
                           characters: page.words.reduce(0) { $0 + $1.text.unicodeScalars.count }))
        stitcher.add(page)
    }

    /// The text layer of a complete output.
    static func layer(tsv: [UInt8], pageCap: Int) -> PDFTextLayer {
        var builder = PDFTextLayerBuilder(pageCap: pageCap)
        tsv.withUnsafeBytes { builder.feed($0) }
        return builder.finish()
    }
}

/// A ``PDFTextLayerBuilder`` fed from swift-subprocess's output callback.
final class PDFTextLayerSink: Sendable {
    private let builder: Mutex<PDFTextLayerBuilder>

    init(pageCap: Int) { builder = Mutex(PDFTextLayerBuilder(pageCap: pageCap)) }

    func feed(_ chunk: UnsafeRawBufferPointer) { builder.withLock { $0.feed(chunk) } }
    func finish() -> PDFTextLayer { builder.withLock { $0.finish() } }
}
