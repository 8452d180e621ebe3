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

/// Builds a ``PDFTextLayer`` from `pdftotext -bbox -raw` output read in pieces: lines are parsed
/// as they arrive, and each page is grouped into lines of text as soon as it is complete, so this
/// work is done while pdftotext is still reading the later pages.
///
/// pdftotext is asked for one page more than `pageCap`: that page, when it comes, only says the
/// cap was passed and is not read (so a PDF of exactly `pageCap` pages is not reported as cut).
struct PDFTextLayerBuilder: Sendable {
    let pageCap: Int
    private var reader = PDFBBoxReader()
    private var stitcher = PDFLineStitcher()
    private var pages: [PDFTextLayer.Page] = []
    private var passedCap = false

    init(pageCap: Int) { self.pageCap = max(pageCap, 1) }

    /// Reads a piece of the output; true when it holds the output's end (`</doc>`).
    mutating func feed(_ chunk: UnsafeRawBufferPointer) -> Bool {
        for page in reader.feed(chunk) { add(page) }
        return reader.ended
    }

    mutating func finish() -> PDFTextLayer {
        for page in reader.finish() { add(page) }
        return PDFTextLayer(pages: pages, lines: stitcher.lines, passedCap: passedCap)
    }

    private mutating func add(_ page: PDFPage) {
        guard pages.count < pageCap else { passedCap = true; return }
        var page = page
        page.words = PDFLineBuilder.withoutRepeats(page.words)
        pages.append(.init(number: page.number, words: page.words.count,
                           characters: page.words.reduce(0) { $0 + $1.text.unicodeScalars.count }))
        stitcher.add(page)
    }

    /// The text layer of a complete output.
    static func layer(bbox: [UInt8], pageCap: Int) -> PDFTextLayer {
        var builder = PDFTextLayerBuilder(pageCap: pageCap)
        _ = bbox.withUnsafeBytes { builder.feed($0) }
        return builder.finish()
    }
}

/// A ``PDFTextLayerBuilder`` fed from swift-subprocess's output callback.
final class PDFTextLayerSink: Sendable {
    private let builder: Mutex<(builder: PDFTextLayerBuilder, handedOut: Bool)>

    init(pageCap: Int) { builder = Mutex((PDFTextLayerBuilder(pageCap: pageCap), false)) }

    /// Reads a piece of the output. When the piece ends the output (pdftotext printed `</doc>`
    /// and is exiting), the finished text layer is returned, once; otherwise nil.
    func feed(_ chunk: UnsafeRawBufferPointer) -> PDFTextLayer? {
        builder.withLock { state in
            guard !state.handedOut, state.builder.feed(chunk) else { return nil }
            state.handedOut = true
            return state.builder.finish()
        }
    }

    /// The text layer of what was read (for output that never reached its end line).
    func finish() -> PDFTextLayer { builder.withLock { $0.builder.finish() } }
}
